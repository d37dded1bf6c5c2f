package io.kirincontract.mock.journal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code body[]} condition of a matcher: a JSONPath (Jayway json-path over Jackson trees) and what the values it
 * finds must be: {@code equals} a JSON value, {@code matches} a regular expression (found anywhere in the value's
 * text, so anchor it with {@code ^...$} for the whole), or {@code absent} (nothing found, or only {@code null}, as the
 * mock reads a {@code null} field as absent). A path that finds several values (a wildcard, a filter) holds when one of
 * them does.
 */
final class BodyCondition {

  static final Configuration JSON_PATH =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
          .build();

  /** What the condition asks of the values. */
  enum Kind {
    EQUALS,
    MATCHES,
    ABSENT,
    PRESENT
  }

  private final String path;
  private final JsonPath compiled;
  private final Kind kind;
  private final JsonNode value;
  private final Pattern pattern;

  private BodyCondition(String path, JsonPath compiled, Kind kind, JsonNode value, Pattern pattern) {
    this.path = path;
    this.compiled = compiled;
    this.kind = kind;
    this.value = value;
    this.pattern = pattern;
  }

  static BodyCondition equalTo(String path, JsonPath compiled, JsonNode value) {
    return new BodyCondition(path, compiled, Kind.EQUALS, value, null);
  }

  static BodyCondition matching(String path, JsonPath compiled, Pattern pattern) {
    return new BodyCondition(path, compiled, Kind.MATCHES, null, pattern);
  }

  static BodyCondition absent(String path, JsonPath compiled, boolean absent) {
    return new BodyCondition(path, compiled, absent ? Kind.ABSENT : Kind.PRESENT, null, null);
  }

  public String path() {
    return path;
  }

  /** Whether the body meets the condition; a request without a JSON body has every path absent. */
  boolean test(JsonNode body) {
    List<JsonNode> found = values(body);
    return switch (kind) {
      case ABSENT -> found.isEmpty();
      case PRESENT -> !found.isEmpty();
      case EQUALS -> found.stream().anyMatch(this::equalsValue);
      case MATCHES -> found.stream().anyMatch(node -> node.isValueNode() && pattern.matcher(node.asText()).find());
    };
  }

  /** What the body has at the path, for a near-miss message. */
  String describeFound(JsonNode body) {
    List<JsonNode> found = values(body);
    if (found.isEmpty()) {
      return "nothing";
    }
    String text = found.size() == 1 ? found.get(0).toString() : found.toString();
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private List<JsonNode> values(JsonNode body) {
    List<JsonNode> found = new ArrayList<>();
    if (body == null) {
      return found;
    }
    Object result = compiled.read(body, JSON_PATH);
    if (result instanceof JsonNode node && node.isArray()) {
      node.forEach(
          item -> {
            if (!item.isNull()) {
              found.add(item);
            }
          });
    }
    return found;
  }

  private boolean equalsValue(JsonNode node) {
    if (node.isNumber() && value.isNumber()) {
      return node.decimalValue().compareTo(value.decimalValue()) == 0;
    }
    return node.equals(value);
  }

  /** The condition in the matcher's JSON form. */
  ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode().put("path", path);
    switch (kind) {
      case EQUALS -> node.set("equals", value);
      case MATCHES -> node.put("matches", pattern.pattern());
      case ABSENT -> node.put("absent", true);
      case PRESENT -> node.put("absent", false);
    }
    return node;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case EQUALS -> path + " = " + value;
      case MATCHES -> path + " matches /" + pattern.pattern() + "/";
      case ABSENT -> path + " absent";
      case PRESENT -> path + " present";
    };
  }
}
