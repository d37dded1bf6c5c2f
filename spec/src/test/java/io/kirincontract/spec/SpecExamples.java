package io.kirincontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every example of the spec with the location of the schema it must match: request bodies, responses
 * (under paths and under {@code components/responses}), callback request bodies, parameters and headers.
 * Each example is collected where it is declared; a {@code $ref}'d response, parameter or header is
 * visited in {@code components}, not again at each use.
 */
final class SpecExamples {

  /**
   * One example to check: where it sits (JSON pointer), its value, the JSON pointer of the schema it must
   * match, and the name of the {@code components/examples} entry it comes from (null when inline).
   */
  record Example(String where, JsonNode value, String schemaPointer, String component) {
    @Override
    public String toString() {
      return where;
    }
  }

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final JsonNode root;
  private final List<Example> found = new ArrayList<>();

  private SpecExamples(JsonNode root) {
    this.root = root;
  }

  static List<Example> all(JsonNode root) {
    SpecExamples examples = new SpecExamples(root);
    examples.collect();
    return List.copyOf(examples.found);
  }

  private void collect() {
    fields(root.path("paths")).forEach(path -> pathItem(path.getValue(), "/paths/" + escape(path.getKey())));
    JsonNode components = root.path("components");
    fields(components.path("responses"))
        .forEach(e -> response(e.getValue(), "/components/responses/" + escape(e.getKey())));
    fields(components.path("requestBodies"))
        .forEach(e -> content(e.getValue(), "/components/requestBodies/" + escape(e.getKey())));
    fields(components.path("parameters"))
        .forEach(e -> parameter(e.getValue(), "/components/parameters/" + escape(e.getKey())));
    fields(components.path("headers"))
        .forEach(e -> parameter(e.getValue(), "/components/headers/" + escape(e.getKey())));
    fields(components.path("callbacks"))
        .forEach(e -> callback(e.getValue(), "/components/callbacks/" + escape(e.getKey())));
  }

  private void pathItem(JsonNode item, String at) {
    parameters(item.path("parameters"), at + "/parameters");
    fields(item).stream()
        .filter(e -> METHODS.contains(e.getKey()))
        .forEach(e -> operation(e.getValue(), at + "/" + e.getKey()));
  }

  private void operation(JsonNode operation, String at) {
    parameters(operation.path("parameters"), at + "/parameters");
    JsonNode body = operation.path("requestBody");
    if (!body.isMissingNode() && !body.has("$ref")) {
      content(body, at + "/requestBody");
    }
    fields(operation.path("responses")).stream()
        .filter(e -> !e.getValue().has("$ref"))
        .forEach(e -> response(e.getValue(), at + "/responses/" + escape(e.getKey())));
    fields(operation.path("callbacks")).stream()
        .filter(e -> !e.getValue().has("$ref"))
        .forEach(e -> callback(e.getValue(), at + "/callbacks/" + escape(e.getKey())));
  }

  private void callback(JsonNode callback, String at) {
    fields(callback).forEach(e -> pathItem(e.getValue(), at + "/" + escape(e.getKey())));
  }

  private void response(JsonNode response, String at) {
    content(response, at);
    fields(response.path("headers")).stream()
        .filter(e -> !e.getValue().has("$ref"))
        .forEach(e -> parameter(e.getValue(), at + "/headers/" + escape(e.getKey())));
  }

  private void parameters(JsonNode parameters, String at) {
    for (int i = 0; i < parameters.size(); i++) {
      if (!parameters.get(i).has("$ref")) {
        parameter(parameters.get(i), at + "/" + i);
      }
    }
  }

  /** A parameter or a header: a {@code schema} with {@code example} or {@code examples}, or {@code content}. */
  private void parameter(JsonNode parameter, String at) {
    examplesOf(parameter, at, at + "/schema");
    content(parameter, at);
  }

  private void content(JsonNode holder, String at) {
    fields(holder.path("content"))
        .forEach(
            e -> {
              String mediaAt = at + "/content/" + escape(e.getKey());
              examplesOf(e.getValue(), mediaAt, mediaAt + "/schema");
            });
  }

  private void examplesOf(JsonNode holder, String at, String schemaAt) {
    if (!holder.has("schema")) {
      return;
    }
    String schemaPointer = schemaPointer(holder.get("schema"), schemaAt);
    if (holder.has("example")) {
      found.add(new Example(at + "/example", holder.get("example"), schemaPointer, null));
    }
    fields(holder.path("examples"))
        .forEach(
            e -> {
              JsonNode example = Spec.deref(e.getValue());
              String component = componentName(e.getValue());
              if (example.has("value")) {
                found.add(
                    new Example(
                        at + "/examples/" + escape(e.getKey()), example.get("value"), schemaPointer, component));
              }
            });
  }

  private static String componentName(JsonNode example) {
    String prefix = "#/components/examples/";
    if (example.has("$ref") && example.get("$ref").asText().startsWith(prefix)) {
      return example.get("$ref").asText().substring(prefix.length());
    }
    return null;
  }

  /** A {@code $ref}'d schema is checked against its target; an inline one against its own location. */
  private static String schemaPointer(JsonNode schema, String at) {
    return schema.has("$ref") ? schema.get("$ref").asText().substring(1) : at;
  }

  private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      entries.add(it.next());
    }
    return entries;
  }

  /** JSON pointer escaping of one reference token (RFC 6901). */
  static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
