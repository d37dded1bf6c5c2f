package io.kirincontract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The spec the client was generated from ({@code kirin-api.yaml}, on the test classpath through kirin-spec). */
final class SpecFile {

  private static final JsonNode TREE = load();

  private SpecFile() {}

  /** The value of {@code components/examples/<name>}, a fresh copy. */
  static JsonNode example(String name) {
    JsonNode value = TREE.at("/components/examples/" + name + "/value");
    if (value.isMissingNode()) {
      throw new IllegalArgumentException("the spec has no example " + name);
    }
    return value.deepCopy();
  }

  /** The request-body examples of {@code POST /v1/videos/generations}, by name, {@code $ref}s followed. */
  static Map<String, JsonNode> requestExamples() {
    JsonNode examples =
        TREE.at("/paths/~1v1~1videos~1generations/post/requestBody/content/application~1json/examples");
    Map<String, JsonNode> result = new LinkedHashMap<>();
    examples.fields().forEachRemaining(e -> result.put(e.getKey(), deref(e.getValue()).get("value").deepCopy()));
    return result;
  }

  /**
   * What the spec says a request goes out as: the given body plus the {@code default} of every property
   * it leaves out (at every depth), because the generated classes initialise those fields and always send
   * them (DESIGN §5). The request schema is picked by the body's {@code model}, through the discriminator.
   */
  static JsonNode requestWithDefaults(JsonNode request) {
    String model = request.path("model").asText();
    JsonNode mapping = TREE.at("/components/schemas/VideoGenerationRequest/discriminator/mapping");
    if (!mapping.has(model)) {
      throw new IllegalArgumentException("no request schema for model " + model);
    }
    JsonNode result = request.deepCopy();
    addDefaults(result, TREE.at(mapping.get(model).asText().substring(1)));
    return result;
  }

  private static void addDefaults(JsonNode value, JsonNode schema) {
    JsonNode resolved = deref(schema);
    if (value.isArray() && resolved.has("items")) {
      for (JsonNode element : (ArrayNode) value) {
        addDefaults(element, resolved.get("items"));
      }
      return;
    }
    if (!value.isObject() || !resolved.has("properties")) {
      return;
    }
    ObjectNode object = (ObjectNode) value;
    resolved
        .get("properties")
        .fields()
        .forEachRemaining(
            property -> {
              JsonNode propertySchema = deref(property.getValue());
              if (object.has(property.getKey())) {
                addDefaults(object.get(property.getKey()), propertySchema);
              } else if (propertySchema.has("default")) {
                object.set(property.getKey(), propertySchema.get("default").deepCopy());
              }
            });
  }

  private static JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref"); hops++) {
      if (hops > 16) {
        throw new IllegalStateException("$ref loop at " + node);
      }
      current = TREE.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  private static JsonNode load() {
    try (InputStream in = SpecFile.class.getClassLoader().getResourceAsStream("kirin-api.yaml")) {
      if (in == null) {
        throw new IllegalStateException("kirin-api.yaml is not on the test classpath (kirin-spec)");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
