package io.kirincontract.mock.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to a request for the rules, over its JSON tree after the type check (so every value present has its
 * spec type), with the spec's defaults for absent fields.
 */
public final class RequestView {

  private final JsonNode body;
  private final Map<String, Schema> properties;

  public RequestView(JsonNode body, Schema<?> requestSchema) {
    this.body = body;
    this.properties = requestSchema.getProperties() == null ? Map.of() : requestSchema.getProperties();
  }

  /** Whether the field was given (present and not null). */
  public boolean has(String field) {
    JsonNode value = body.get(field);
    return value != null && !value.isNull();
  }

  /** Absent or the empty string ("empty" as the spec reads the documents). */
  public boolean isEmpty(String field) {
    return text(field).map(String::isEmpty).orElse(true);
  }

  public Optional<String> text(String field) {
    JsonNode value = body.get(field);
    return value != null && value.isTextual() ? Optional.of(value.textValue()) : Optional.empty();
  }

  /** The given text, else the spec's default, else empty. */
  public Optional<String> textOrDefault(String field) {
    JsonNode value = body.get(field);
    if (value != null && value.isTextual()) {
      return Optional.of(value.textValue());
    }
    Object given = defaultValue(field);
    return given == null ? Optional.empty() : Optional.of(given.toString());
  }

  public boolean bool(String field) {
    JsonNode value = body.get(field);
    if (value != null && value.isBoolean()) {
      return value.booleanValue();
    }
    Object given = defaultValue(field);
    return given != null && Boolean.parseBoolean(given.toString());
  }

  /** The items of an array field; empty when absent. */
  public List<JsonNode> items(String field) {
    JsonNode value = body.get(field);
    List<JsonNode> items = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(items::add);
    }
    return items;
  }

  /** The whole tree, for rules that need more. */
  public JsonNode body() {
    return body;
  }

  /** The spec's default of the field, or null (read on every create: no Optional to allocate). */
  private Object defaultValue(String field) {
    Schema<?> schema = properties.get(field);
    return schema == null ? null : schema.getDefault();
  }

  /** Text of a field of an item ({@code image_list[0].type}); empty when absent or empty. */
  public static Optional<String> text(JsonNode item, String field) {
    JsonNode value = item.get(field);
    return value != null && value.isTextual() && !value.textValue().isEmpty()
        ? Optional.of(value.textValue())
        : Optional.empty();
  }
}
