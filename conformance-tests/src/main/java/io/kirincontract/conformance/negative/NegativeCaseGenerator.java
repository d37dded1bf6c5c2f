package io.kirincontract.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kirincontract.spec.KirinSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Makes negative cases from the JSON Schema of each model's request: for every property (and the properties of
 * nested objects and array items), every constraint it declares ({@code type}, {@code enum}, string lengths, item
 * counts, numeric bounds, {@code pattern}, {@code format}, {@code required}) gives one request that breaks exactly
 * that constraint. The request is a valid example of the model taken from the spec; when the field's container is
 * not in it, the container is taken from another example of the model, or built from its schema. A constraint
 * added to the spec thus becomes a case with no new test code.
 *
 * <p>{@code model} itself is left out: breaking it names another model or none, which is no longer a per-model
 * check (the unknown-model answer is checked on its own).
 */
public final class NegativeCaseGenerator {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String NOT_ALLOWED = "not-an-allowed-value";
  private static final List<String> PATTERN_BREAKERS = List.of("x", "-1", "@@@", "a b", "0", "");

  private final KirinSpec spec;
  private final UnaryOperator<JsonNode> media;

  /**
   * @param media turns the example's placeholder media (such as {@code https://media.example.invalid/...}) into
   *     media the server under test can fetch
   */
  public NegativeCaseGenerator(KirinSpec spec, UnaryOperator<JsonNode> media) {
    this.spec = spec;
    this.media = media;
  }

  /** The valid example a model's cases start from: its first request example in the spec. */
  public ObjectNode example(String model) {
    return (ObjectNode) media.apply(examples(model).get(0));
  }

  /** Every negative case of every model. */
  public List<NegativeCase> generate() {
    List<NegativeCase> cases = new ArrayList<>();
    spec.modelIds().forEach(model -> cases.addAll(generate(model)));
    return cases;
  }

  /** The negative cases of one model. */
  public List<NegativeCase> generate(String model) {
    List<NegativeCase> cases = new ArrayList<>();
    Schema<?> request = spec.resolve(spec.requestSchema(model));
    walk(model, request, new Location(List.of(), ""), example(model), cases);
    return cases;
  }

  /** Where a container sits in the request: the JSON segments ({@code "multi_prompt", 0}) and the dotted path. */
  private record Location(List<Object> segments, String path) {
    Location field(String name) {
      List<Object> more = new ArrayList<>(segments);
      more.add(name);
      return new Location(more, path.isEmpty() ? name : path + "." + name);
    }

    Location firstItem() {
      List<Object> more = new ArrayList<>(segments);
      more.add(0);
      return new Location(more, path);
    }

    String param() {
      StringBuilder param = new StringBuilder();
      for (Object segment : segments) {
        if (segment instanceof Integer index) {
          param.append('[').append(index).append(']');
        } else {
          param.append(param.length() == 0 ? "" : ".").append(segment);
        }
      }
      return param.toString();
    }
  }

  private void walk(String model, Schema<?> object, Location container, ObjectNode base, List<NegativeCase> cases) {
    Map<String, Schema> properties = object.getProperties() == null ? Map.of() : object.getProperties();
    List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
    for (Map.Entry<String, Schema> property : properties.entrySet()) {
      String name = property.getKey();
      if (container.segments().isEmpty() && name.equals("model")) {
        continue;
      }
      Location field = container.field(name);
      Schema<?> schema = spec.resolve(property.getValue());
      ObjectNode fieldBase = container.segments().isEmpty() ? baseFor(model, name, base) : base;
      for (Mutation mutation : mutations(model, field, schema, fieldBase)) {
        cases.add(negativeCase(model, field, mutation, fieldBase, container));
      }
      if (required.contains(name)) {
        cases.add(negativeCase(model, field, new Mutation("required", null, "without " + field.path()), fieldBase, container));
      }
      if ("object".equals(schema.getType()) && schema.getProperties() != null) {
        walk(model, schema, field, withValue(fieldBase, field, model), cases);
      } else if ("array".equals(schema.getType()) && schema.getItems() != null) {
        Schema<?> items = spec.resolve(schema.getItems());
        if ("object".equals(items.getType()) && items.getProperties() != null) {
          walk(model, items, field.firstItem(), withValue(fieldBase, field, model), cases);
        }
      }
    }
  }

  /** A broken value (or, with a {@code null} value, the field removed) for one keyword. */
  private record Mutation(String keyword, JsonNode value, String description) {}

  private List<Mutation> mutations(String model, Location field, Schema<?> schema, ObjectNode base) {
    List<Mutation> mutations = new ArrayList<>();
    String type = schema.getType();
    String name = field.path();
    mutations.add(new Mutation("type", wrongType(type), name + " of the wrong JSON type (not " + type + ")"));
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      mutations.add(new Mutation("enum", TextNode.valueOf(NOT_ALLOWED), name + " not one of " + schema.getEnum()));
    }
    JsonNode current = current(withValue(base, field, model), field);
    if (schema.getMaxLength() != null) {
      int max = schema.getMaxLength();
      String valid = current.isTextual() ? current.textValue() : build(schema).asText();
      mutations.add(new Mutation("maxLength", TextNode.valueOf(padded(valid, max + 1)),
          name + " of " + (max + 1) + " characters (at most " + max + ")"));
    }
    if (schema.getMinLength() != null && schema.getMinLength() > 0) {
      int min = schema.getMinLength();
      mutations.add(new Mutation("minLength", TextNode.valueOf("a".repeat(min - 1)),
          name + " of " + (min - 1) + " characters (at least " + min + ")"));
    }
    if (schema.getPattern() != null) {
      Pattern pattern = Pattern.compile(schema.getPattern());
      PATTERN_BREAKERS.stream()
          .filter(candidate -> !pattern.matcher(candidate).find())
          .filter(candidate -> schema.getMinLength() == null || candidate.length() >= schema.getMinLength())
          .findFirst()
          .ifPresent(candidate -> mutations.add(new Mutation("pattern", TextNode.valueOf(candidate),
              name + " '" + candidate + "' not matching " + schema.getPattern())));
    }
    if ("uri".equals(schema.getFormat())) {
      mutations.add(new Mutation("format", TextNode.valueOf("not a uri at all"), name + " that is not a URI"));
    } else if ("date-time".equals(schema.getFormat())) {
      mutations.add(new Mutation("format", TextNode.valueOf("yesterday"), name + " that is not a date-time"));
    }
    if (schema.getMaxItems() != null || (schema.getMinItems() != null && schema.getMinItems() > 0)) {
      JsonNode item = current.isArray() && current.size() > 0 ? current.get(0) : sampleItem(model, field, schema);
      if (schema.getMaxItems() != null) {
        int max = schema.getMaxItems();
        mutations.add(new Mutation("maxItems", repeated(item, max + 1),
            name + " of " + (max + 1) + " items (at most " + max + ")"));
      }
      if (schema.getMinItems() != null && schema.getMinItems() > 0) {
        int min = schema.getMinItems();
        mutations.add(new Mutation("minItems", repeated(item, min - 1),
            name + " of " + (min - 1) + " items (at least " + min + ")"));
      }
    }
    if (schema.getMinimum() != null) {
      BigDecimal below = schema.getMinimum().subtract(Boolean.TRUE.equals(schema.getExclusiveMinimum()) ? BigDecimal.ZERO : BigDecimal.ONE);
      mutations.add(new Mutation("minimum", number(below, type), name + " " + below + " (minimum " + schema.getMinimum() + ")"));
    }
    if (schema.getMaximum() != null) {
      BigDecimal above = schema.getMaximum().add(Boolean.TRUE.equals(schema.getExclusiveMaximum()) ? BigDecimal.ZERO : BigDecimal.ONE);
      mutations.add(new Mutation("maximum", number(above, type), name + " " + above + " (maximum " + schema.getMaximum() + ")"));
    }
    return mutations;
  }

  private NegativeCase negativeCase(String model, Location field, Mutation mutation, ObjectNode base, Location container) {
    ObjectNode request = withValue(base, container, model);
    ObjectNode parent = (ObjectNode) current(request, container);
    String name = (String) field.segments().get(field.segments().size() - 1);
    if (mutation.value() == null) {
      parent.remove(name);
    } else {
      parent.set(name, mutation.value());
    }
    return new NegativeCase(
        model,
        mutation.keyword(),
        field.path(),
        field.param(),
        mutation.description(),
        request,
        spec.fieldCode(model, field.path(), mutation.keyword()),
        spec.fieldRuleId(model, field.path(), mutation.keyword()));
  }

  /**
   * The request a top-level field's cases start from: the first example of the model that sets the field, so that
   * the field is used there (a field the request makes ignored, such as {@code multi_prompt} without {@code
   * multi_shot}, is not validated at all, DESIGN §3); else the model's first example.
   */
  private ObjectNode baseFor(String model, String field, ObjectNode fallback) {
    for (JsonNode example : examples(model)) {
      if (example.has(field)) {
        return (ObjectNode) media.apply(example);
      }
    }
    return fallback;
  }

  /** A copy of the request in which the location exists, filled from an example or the schema when missing. */
  private ObjectNode withValue(ObjectNode base, Location location, String model) {
    ObjectNode request = base.deepCopy();
    JsonNode node = request;
    List<Object> segments = location.segments();
    for (int i = 0; i < segments.size(); i++) {
      Object segment = segments.get(i);
      JsonNode next = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
      if (next.isMissingNode() || next.isNull()) {
        if (segment instanceof Integer) {
          throw new IllegalStateException("an empty array at " + location.param());
        }
        String path = new Location(segments.subList(0, i + 1), "").param().replaceAll("\\[\\d+]", "");
        JsonNode sample = sample(model, path);
        ((ObjectNode) node).set((String) segment, sample);
        next = sample;
      }
      node = next;
    }
    return request;
  }

  /** The value at a location (missing node when absent). */
  private static JsonNode current(JsonNode request, Location location) {
    JsonNode node = request;
    for (Object segment : location.segments()) {
      node = segment instanceof Integer index ? node.path(index) : node.path((String) segment);
    }
    return node;
  }

  /** A valid value for a field: from the model's examples if one has it, else built from the schema. */
  private JsonNode sample(String model, String path) {
    for (JsonNode example : examples(model)) {
      JsonNode value = media.apply(example).at("/" + path.replace('.', '/'));
      if (!value.isMissingNode()) {
        return value.deepCopy();
      }
    }
    return build(spec.fieldSchema(model, path).orElseThrow(() -> new IllegalStateException("no field " + path)));
  }

  private JsonNode sampleItem(String model, Location field, Schema<?> array) {
    JsonNode sample = sample(model, field.path());
    return sample.isArray() && sample.size() > 0 ? sample.get(0) : build(spec.resolve(array.getItems()));
  }

  /** A minimal value valid for a schema: required properties only, first enum values. */
  private JsonNode build(Schema<?> declared) {
    Schema<?> schema = spec.resolve(declared);
    if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
      return TextNode.valueOf(String.valueOf(schema.getEnum().get(0)));
    }
    String type = Optional.ofNullable(schema.getType()).orElse("string");
    return switch (type) {
      case "object" -> {
        ObjectNode object = JSON.objectNode();
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        required.forEach(name -> object.set(name, build(schema.getProperties().get(name))));
        yield object;
      }
      case "array" -> JSON.arrayNode().add(build(schema.getItems()));
      case "boolean" -> JSON.booleanNode(true);
      case "integer" -> JSON.numberNode(schema.getMinimum() == null ? 1 : schema.getMinimum().intValue());
      case "number" -> JSON.numberNode(schema.getMinimum() == null ? 1 : schema.getMinimum().doubleValue());
      default -> "uri".equals(schema.getFormat())
          ? TextNode.valueOf("https://hooks.example.com/kirin")
          : TextNode.valueOf(padded("a", schema.getMinLength() == null ? 1 : schema.getMinLength()));
    };
  }

  private List<JsonNode> examples(String model) {
    List<JsonNode> examples = new ArrayList<>();
    for (JsonNode example : spec.requestExamples().values()) {
      if (model.equals(example.path("model").asText())) {
        examples.add(example);
      }
    }
    if (examples.isEmpty()) {
      throw new IllegalStateException("the spec has no request example of " + model);
    }
    return examples;
  }

  private static JsonNode wrongType(String type) {
    return switch (type == null ? "string" : type) {
      case "string" -> JSON.numberNode(12345);
      case "integer", "number" -> TextNode.valueOf("12");
      case "boolean" -> TextNode.valueOf("yes");
      case "array", "object" -> TextNode.valueOf("x");
      default -> JSON.numberNode(12345);
    };
  }

  private static JsonNode number(BigDecimal value, String type) {
    return "integer".equals(type) ? JSON.numberNode(value.toBigInteger()) : JSON.numberNode(value);
  }

  private static ArrayNode repeated(JsonNode item, int count) {
    ArrayNode array = JSON.arrayNode();
    for (int i = 0; i < count; i++) {
      array.add(item.deepCopy());
    }
    return array;
  }

  /** A valid value lengthened with letters (keeps URLs URLs and patterns matched where they allow letters). */
  private static String padded(String valid, int length) {
    int codePoints = valid.codePointCount(0, valid.length());
    return codePoints >= length ? valid : valid + "a".repeat(length - codePoints);
  }
}
