package io.kirincontract.mock.journal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.util.internal.KeyId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a matcher from its JSON form, strictly: an unknown field, a value of the wrong type, a JSONPath or regular
 * expression that does not compile is an {@link InvalidControlException} naming the field at fault ({@code
 * body[1].path}, {@code match.status_class}), answered {@code 400 invalid_parameter}.
 */
public final class MatcherJson {

  private static final Set<String> FIELDS =
      Set.of(
          "method", "path", "path_regex", "key", "key_id", "model", "status", "status_class", "outcome", "rule",
          "error_code", "since_seq", "body");

  private static final Pattern STATUS_CLASS = Pattern.compile("[1-5]xx");

  private MatcherJson() {}

  /**
   * @param node the matcher, or null / JSON null for one that matches everything
   * @param prefix what to put before a field's name in an error ({@code ""}, or {@code "match."} in a stub)
   */
  public static RequestMatcher read(JsonNode node, String prefix) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return RequestMatcher.ANY;
    }
    String where = prefix.isEmpty() ? "the matcher" : prefix.substring(0, prefix.length() - 1);
    if (!node.isObject()) {
      throw new InvalidControlException(where + " must be a JSON object", prefix.isEmpty() ? null : where);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new InvalidControlException(
            "unknown matcher field " + name + "; allowed: " + String.join(", ", FIELDS.stream().sorted().toList()),
            prefix + name);
      }
    }
    Fields f = new Fields(node, prefix);
    String key = f.text("key");
    String keyId = f.text("key_id");
    if (key != null && keyId != null) {
      throw new InvalidControlException("give key or key_id, not both", prefix + "key_id");
    }
    String method = f.text("method");
    Integer statusClass = null;
    String statusClassText = f.text("status_class");
    if (statusClassText != null) {
      if (!STATUS_CLASS.matcher(statusClassText.toLowerCase(Locale.ROOT)).matches()) {
        throw new InvalidControlException(
            "status_class must be one of 1xx, 2xx, 3xx, 4xx, 5xx, not " + statusClassText, prefix + "status_class");
      }
      statusClass = statusClassText.charAt(0) - '0';
    }
    String outcome = f.text("outcome");
    if (outcome != null && !outcome.equals("accepted") && !outcome.equals("refused")) {
      throw new InvalidControlException("outcome must be accepted or refused, not " + outcome, prefix + "outcome");
    }
    Long status = f.integer("status");
    if (status != null && (status < 100 || status > 599)) {
      throw new InvalidControlException("status must be an HTTP status, 100 to 599, not " + status, prefix + "status");
    }
    String pathRegex = f.text("path_regex");
    return new RequestMatcher(
        method == null ? null : method.toUpperCase(Locale.ROOT),
        f.text("path"),
        pathRegex == null ? null : regex(pathRegex, prefix + "path_regex"),
        key != null ? KeyId.of(key) : keyId,
        f.text("model"),
        status == null ? null : status.intValue(),
        statusClass,
        outcome,
        f.text("rule"),
        f.text("error_code"),
        f.integer("since_seq"),
        body(node.get("body"), prefix + "body"));
  }

  private static List<BodyCondition> body(JsonNode node, String param) {
    List<BodyCondition> conditions = new ArrayList<>();
    if (node == null || node.isNull()) {
      return conditions;
    }
    if (!node.isArray()) {
      throw new InvalidControlException(
          "body must be a list of conditions such as [{\"path\": \"$.prompt\", \"matches\": \"^A\"}]", param);
    }
    for (int i = 0; i < node.size(); i++) {
      conditions.add(condition(node.get(i), param + "[" + i + "]"));
    }
    return conditions;
  }

  private static BodyCondition condition(JsonNode node, String param) {
    if (!node.isObject()) {
      throw new InvalidControlException("a body condition must be a JSON object", param);
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!Set.of("path", "equals", "matches", "absent").contains(name)) {
        throw new InvalidControlException(
            "unknown body condition field " + name + "; allowed: path, equals, matches, absent", param + "." + name);
      }
    }
    Fields f = new Fields(node, param + ".");
    String path = f.text("path");
    if (path == null) {
      throw new InvalidControlException("a body condition needs a path, a JSONPath such as $.prompt", param + ".path");
    }
    JsonPath compiled = JsonPaths.compile(path, param + ".path");
    int given = (node.has("equals") ? 1 : 0) + (node.has("matches") ? 1 : 0) + (node.has("absent") ? 1 : 0);
    if (given != 1) {
      throw new InvalidControlException(
          "a body condition needs exactly one of equals, matches, absent", param + (given == 0 ? ".equals" : ""));
    }
    if (node.has("equals")) {
      return BodyCondition.equalTo(path, compiled, node.get("equals"));
    }
    if (node.has("matches")) {
      String regex = f.text("matches");
      if (regex == null) {
        throw new InvalidControlException("matches must be a regular expression (a string)", param + ".matches");
      }
      return BodyCondition.matching(path, compiled, regex(regex, param + ".matches"));
    }
    JsonNode absent = node.get("absent");
    if (!absent.isBoolean()) {
      throw new InvalidControlException("absent must be true or false", param + ".absent");
    }
    return BodyCondition.absent(path, compiled, absent.booleanValue());
  }

  static Pattern regex(String regex, String param) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new InvalidControlException(
          "not a regular expression: " + e.getDescription() + " near index " + e.getIndex() + " of " + regex, param);
    }
  }

  /** JSONPaths compiled by json-path, with errors that name the field. */
  static final class JsonPaths {
    private JsonPaths() {}

    static JsonPath compile(String path, String param) {
      try {
        return JsonPath.compile(path);
      } catch (InvalidPathException | IllegalArgumentException e) {
        throw new InvalidControlException("not a JSONPath (" + e.getMessage() + "): " + path, param);
      }
    }
  }

  /** Typed fields of one JSON object. */
  private record Fields(JsonNode node, String prefix) {

    String text(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw new InvalidControlException(name + " must be a string", prefix + name);
      }
      return value.textValue();
    }

    Long integer(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isIntegralNumber() || !value.canConvertToLong()) {
        throw new InvalidControlException(name + " must be a whole number", prefix + name);
      }
      return value.longValue();
    }
  }
}
