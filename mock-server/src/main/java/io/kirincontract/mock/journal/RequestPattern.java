package io.kirincontract.mock.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.journal.internal.MatcherJson;
import io.kirincontract.mock.journal.internal.RequestMatcher;

/**
 * A fluent builder of the journal's matcher (DESIGN §6), for {@code admin.requests(...)}, {@code verify(...)} and
 * stubs: {@code RequestPattern.creates().model("kirin_v3_t2v").bodyMatches("$.prompt", "^A paper").refused()}. Every
 * condition given must hold. {@link #toJson()} is the same matcher as the admin API takes it. Each call returns a new
 * pattern; a pattern is immutable.
 */
public final class RequestPattern {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode json;

  private RequestPattern(ObjectNode json) {
    this.json = json;
  }

  /** Every request. */
  public static RequestPattern anyRequest() {
    return new RequestPattern(JsonNodeFactory.instance.objectNode());
  }

  /** {@code POST /v1/videos/generations}: task creations. */
  public static RequestPattern creates() {
    return anyRequest().method("POST").path("/v1/videos/generations");
  }

  /** {@code GET /v1/videos/generations/...}: polls, by task id or external id. */
  public static RequestPattern polls() {
    return anyRequest().method("GET").pathMatching("/v1/videos/generations/.+");
  }

  /** The same matcher given in its JSON form. */
  public static RequestPattern fromJson(JsonNode matcher) {
    MatcherJson.read(matcher, "");
    return new RequestPattern(((ObjectNode) matcher).deepCopy());
  }

  public RequestPattern method(String method) {
    return with("method", method);
  }

  public RequestPattern path(String path) {
    return with("path", path);
  }

  /** The whole path matches the regular expression. */
  public RequestPattern pathMatching(String regex) {
    return with("path_regex", regex);
  }

  /** Sent with this API key (the raw key; compared through its key id, which the journal keeps). */
  public RequestPattern key(String rawKey) {
    ObjectNode copy = json.deepCopy();
    copy.remove("key_id");
    copy.put("key", rawKey);
    return new RequestPattern(copy);
  }

  /** Sent with the key of this id ({@code key_...}). */
  public RequestPattern keyId(String keyId) {
    ObjectNode copy = json.deepCopy();
    copy.remove("key");
    copy.put("key_id", keyId);
    return new RequestPattern(copy);
  }

  public RequestPattern model(String model) {
    return with("model", model);
  }

  /** The JSONPath finds this value (a string, number, boolean, or anything Jackson turns into JSON). */
  public RequestPattern body(String jsonPath, Object equals) {
    ObjectNode condition = JsonNodeFactory.instance.objectNode().put("path", jsonPath);
    condition.set("equals", MAPPER.valueToTree(equals));
    return withCondition(condition);
  }

  /** The value the JSONPath finds contains a match of the regular expression (anchor it for the whole value). */
  public RequestPattern bodyMatches(String jsonPath, String regex) {
    return withCondition(JsonNodeFactory.instance.objectNode().put("path", jsonPath).put("matches", regex));
  }

  /** The JSONPath finds nothing (or only {@code null}). */
  public RequestPattern bodyAbsent(String jsonPath) {
    return withCondition(JsonNodeFactory.instance.objectNode().put("path", jsonPath).put("absent", true));
  }

  /** The JSONPath finds something other than {@code null}. */
  public RequestPattern bodyPresent(String jsonPath) {
    return withCondition(JsonNodeFactory.instance.objectNode().put("path", jsonPath).put("absent", false));
  }

  public RequestPattern status(int status) {
    ObjectNode copy = json.deepCopy();
    copy.put("status", status);
    return new RequestPattern(copy);
  }

  /** The status's class: 4 for {@code 4xx}. */
  public RequestPattern statusClass(int hundreds) {
    return with("status_class", hundreds + "xx");
  }

  /** Answered with a 2xx. */
  public RequestPattern accepted() {
    return with("outcome", "accepted");
  }

  /** Answered with anything but a 2xx (or not answered). */
  public RequestPattern refused() {
    return with("outcome", "refused");
  }

  public RequestPattern rule(String ruleId) {
    return with("rule", ruleId);
  }

  public RequestPattern errorCode(String code) {
    return with("error_code", code);
  }

  /** Only entries numbered after {@code seq}. */
  public RequestPattern sinceSeq(long seq) {
    ObjectNode copy = json.deepCopy();
    copy.put("since_seq", seq);
    return new RequestPattern(copy);
  }

  /** The matcher in the admin API's JSON form. */
  public ObjectNode toJson() {
    return json.deepCopy();
  }

  /**
   * The matcher.
   *
   * @throws io.kirincontract.mock.control.InvalidControlException when a JSONPath or regular expression does not
   *     compile, naming it
   */
  public RequestMatcher toMatcher() {
    return MatcherJson.read(json, "");
  }

  @Override
  public String toString() {
    return toMatcher().toString();
  }

  private RequestPattern with(String field, String value) {
    ObjectNode copy = json.deepCopy();
    copy.put(field, value);
    return new RequestPattern(copy);
  }

  private RequestPattern withCondition(ObjectNode condition) {
    ObjectNode copy = json.deepCopy();
    ArrayNode body = copy.has("body") ? (ArrayNode) copy.get("body") : copy.putArray("body");
    body.add(condition);
    return new RequestPattern(copy);
  }
}
