package io.kirincontract.spec;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The five request schemas of the contract, found through the {@code VideoGenerationRequest} discriminator. */
final class RequestSchemas {

  static final String REQUEST = "VideoGenerationRequest";
  static final String SCHEMAS = "#/components/schemas/";

  /** The model ids in the order of the seeds' README. */
  static final List<String> MODEL_IDS =
      List.of(
          "kirin_v3_t2v",
          "kirin_video_o1",
          "kirin_v3_i2v",
          "kirin_v2_master_t2v",
          "kirin_v2_1_master_i2v");

  private final OpenAPI openApi;

  RequestSchemas(OpenAPI openApi) {
    this.openApi = openApi;
  }

  /** The model id to request schema map, as the discriminator states it. */
  Map<String, Schema<?>> byModel() {
    Map<String, Schema<?>> result = new LinkedHashMap<>();
    schema(REQUEST).getDiscriminator().getMapping().forEach((model, ref) -> result.put(model, ref(ref)));
    return result;
  }

  Schema<?> forModel(String model) {
    Schema<?> schema = byModel().get(model);
    if (schema == null) {
      throw new IllegalArgumentException("no request schema for " + model);
    }
    return schema;
  }

  String rulePrefix(String model) {
    return (String) forModel(model).getExtensions().get("x-kirin-rule-prefix");
  }

  Schema<?> schema(String name) {
    Schema<?> schema = openApi.getComponents().getSchemas().get(name);
    if (schema == null) {
      throw new IllegalArgumentException("no schema " + name);
    }
    return schema;
  }

  /** Follows {@code $ref}s to the component schema. */
  Schema<?> deref(Schema<?> schema) {
    Schema<?> current = schema;
    for (int hops = 0; current.get$ref() != null; hops++) {
      if (hops > 16) {
        throw new IllegalStateException("$ref loop at " + schema.get$ref());
      }
      current = ref(current.get$ref());
    }
    return current;
  }

  Schema<?> ref(String ref) {
    if (!ref.startsWith(SCHEMAS)) {
      throw new IllegalArgumentException("not a component schema ref: " + ref);
    }
    return schema(ref.substring(SCHEMAS.length()));
  }

  /**
   * The property at a dotted path ({@code multi_prompt.duration}, {@code image_list.type}) of an object
   * schema, through {@code $ref}s and array {@code items}. Empty when a segment does not resolve.
   */
  Optional<Schema<?>> property(Schema<?> root, String dottedPath) {
    Schema<?> current = root;
    for (String segment : dottedPath.split("\\.", -1)) {
      current = elementOf(deref(current));
      Map<String, Schema> properties = current.getProperties();
      if (properties == null || !properties.containsKey(segment)) {
        return Optional.empty();
      }
      current = properties.get(segment);
    }
    return Optional.of(current);
  }

  /** An array's item schema (dereferenced, through nested arrays); any other schema as it is. */
  Schema<?> elementOf(Schema<?> schema) {
    Schema<?> current = deref(schema);
    while (current.getItems() != null) {
      current = deref(current.getItems());
    }
    return current;
  }
}
