package io.kirincontract.conformance.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A response read once: status, JSON body and the parts of the envelope and the Task the checks look at. */
public record Answer(int status, String body, JsonNode json) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN = 600;

  public static Answer of(Response response) {
    String body = response.asString();
    JsonNode json;
    try {
      json = body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
    } catch (IOException e) {
      json = JSON.missingNode();
    }
    return new Answer(response.statusCode(), body, json);
  }

  public Optional<String> errorCode() {
    return text(json.path("error").path("code"));
  }

  public Optional<String> errorRule() {
    return text(json.path("error").path("rule"));
  }

  public Optional<String> errorParam() {
    return text(json.path("error").path("param"));
  }

  /** {@code metadata.ignored_params} of a Task. */
  public List<String> ignoredParams() {
    List<String> params = new ArrayList<>();
    json.path("metadata").path("ignored_params").forEach(param -> params.add(param.asText()));
    return params;
  }

  /** The rule ids of {@code metadata.warnings} of a Task. */
  public List<String> warningRules() {
    List<String> rules = new ArrayList<>();
    json.path("metadata").path("warnings").forEach(warning -> rules.add(warning.path("rule").asText()));
    return rules;
  }

  /** Status and (shortened) body, for failure messages. */
  public String describe() {
    String shown = body.length() > SHOWN ? body.substring(0, SHOWN) + "..." : body;
    return status + " " + shown;
  }

  private static Optional<String> text(JsonNode node) {
    return node.isValueNode() ? Optional.of(node.asText()) : Optional.empty();
  }
}
