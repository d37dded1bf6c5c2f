package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.internal.JsonPaths;
import io.kirincontract.mock.problems.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.spec.KirinSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The first of the request's checks, on the raw JSON tree before binding: the keywords about the JSON's shape
 * ({@code type}, {@code format}, {@code enum}, {@code required}), so that Jackson never coerces a value nor meets a
 * value it cannot bind. A number where the spec says string, {@code "true"} for a boolean, a string where an object
 * belongs, a {@code null} list item (a {@code null} property never gets here: it counts as absent), integers out of
 * range, malformed URIs, values outside an enum and missing required properties (at every level) are all reported,
 * in one pass. Hibernate Validator checks the limits after it ({@link BeanValidation}) and never these keywords, so
 * no problem is found twice. Properties the schema does not define become warnings (the first
 * {@value #MAX_UNKNOWN_WARNINGS}, then one that counts the others).
 */
final class JsonTypeCheck {

  /** What the check found: field problems (keyword {@code type}, {@code format}, {@code enum} or {@code required}) and warnings. */
  record Result(List<Problem> problems, List<TaskWarning> warnings) {}

  /**
   * Unknown properties listed one by one; the rest are counted in one warning. The warnings stay with the task, so a
   * body of a million unknown properties must not keep a million warnings in memory (nor send them back).
   */
  static final int MAX_UNKNOWN_WARNINGS = 100;

  private final KirinSpec spec;
  private final FieldProblems fieldProblems;

  JsonTypeCheck(KirinSpec spec, FieldProblems fieldProblems) {
    this.spec = spec;
    this.fieldProblems = fieldProblems;
  }

  Result check(String modelId, JsonNode body) {
    Walk walk = new Walk(modelId);
    Schema<?> request = spec.requestSchema(modelId);
    Map<String, Schema> properties = request.getProperties();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!"model".equals(field.getKey())) {
        walk.property(properties, field.getKey(), field.getValue(), "");
      }
    }
    walk.required(request, body, "");
    if (walk.unknown > MAX_UNKNOWN_WARNINGS) {
      walk.warnings.add(
          new TaskWarning(
              null,
              null,
              (walk.unknown - MAX_UNKNOWN_WARNINGS)
                  + " more properties are not parameters of "
                  + modelId
                  + " and were ignored; only the first "
                  + MAX_UNKNOWN_WARNINGS
                  + " are listed"));
    }
    return new Result(walk.problems, walk.warnings);
  }

  private final class Walk {
    private final String modelId;
    private final List<Problem> problems = new ArrayList<>();
    private final List<TaskWarning> warnings = new ArrayList<>();
    private int unknown;

    Walk(String modelId) {
      this.modelId = modelId;
    }

    void property(Map<String, Schema> properties, String name, JsonNode value, String parent) {
      String path = JsonPaths.child(parent, name);
      Schema<?> schema = properties == null ? null : properties.get(name);
      if (schema == null) {
        if (++unknown <= MAX_UNKNOWN_WARNINGS) {
          warnings.add(
              new TaskWarning(null, path, path + " is not a parameter of " + modelId + "; it was ignored"));
        }
        return;
      }
      value(spec.resolve(schema), value, path);
    }

    void value(Schema<?> schema, JsonNode value, String path) {
      String type = schema.getType();
      if (type == null) {
        return;
      }
      if (!matches(type, schema.getFormat(), value)) {
        problems.add(
            fieldProblems.problem(
                modelId,
                path,
                "type",
                path + " must be " + expected(schema) + ", not " + actual(type, value)));
        return;
      }
      switch (type) {
        case "object" -> {
          for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            property(schema.getProperties(), field.getKey(), field.getValue(), path);
          }
          required(schema, value, path);
        }
        case "array" -> {
          Schema<?> items = spec.resolve(schema.getItems());
          for (int i = 0; i < value.size(); i++) {
            value(items, value.get(i), JsonPaths.index(path, i));
          }
        }
        case "string" -> {
          if (inEnum(schema, value.textValue(), path)) {
            checkFormat(schema, value.textValue(), path);
          }
        }
        default -> {}
      }
    }

    /** Every property {@code schema} requires that {@code object} lacks. */
    void required(Schema<?> schema, JsonNode object, String parent) {
      if (schema.getRequired() == null) {
        return;
      }
      for (String name : schema.getRequired()) {
        if (!object.has(name)) {
          String path = JsonPaths.child(parent, name);
          problems.add(fieldProblems.problem(modelId, path, "required", path + " is required"));
        }
      }
    }

    private boolean inEnum(Schema<?> schema, String text, String path) {
      List<?> allowed = schema.getEnum();
      if (allowed == null || allowed.isEmpty() || allowed.contains(text)) {
        return true;
      }
      String listed =
          allowed.stream().map(value -> "\"" + value + "\"").collect(Collectors.joining(", "));
      problems.add(
          fieldProblems.problem(modelId, path, "enum", path + " must be one of " + listed + ", not \"" + text + "\""));
      return false;
    }

    private void checkFormat(Schema<?> schema, String text, String path) {
      if (!"uri".equals(schema.getFormat())) {
        return;
      }
      try {
        if (new URI(text).isAbsolute()) {
          return;
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      problems.add(
          fieldProblems.problem(
              modelId,
              path,
              "format",
              path + " must be an absolute URI such as https://example.com/kirin-callback, not \"" + text + "\""));
    }
  }

  private static boolean matches(String type, String format, JsonNode value) {
    return switch (type) {
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "number" -> value.isNumber();
      case "integer" ->
          value.isIntegralNumber()
              && ("int32".equals(format) ? value.canConvertToInt() : value.canConvertToLong());
      default -> true;
    };
  }

  private static String expected(Schema<?> schema) {
    return switch (schema.getType()) {
      case "string" -> {
        Object example =
            schema.getDefault() != null
                ? schema.getDefault()
                : schema.getEnum() == null || schema.getEnum().isEmpty() ? null : schema.getEnum().get(0);
        yield example == null ? "a string" : "a string such as \"" + example + "\"";
      }
      case "boolean" -> "a boolean (true or false)";
      case "object" -> "an object";
      case "array" -> "an array";
      case "number" -> "a number";
      case "integer" ->
          "int32".equals(schema.getFormat())
              ? "an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
              : "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
      default -> "a " + schema.getType();
    };
  }

  private static String actual(String type, JsonNode value) {
    return "integer".equals(type) && value.isIntegralNumber() ? value.asText() : describe(value);
  }

  /** How a JSON value reads in a message: "a number", "null", "an integer out of range"... */
  static String describe(JsonNode value) {
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.isObject() ? "an object" : value.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }
}
