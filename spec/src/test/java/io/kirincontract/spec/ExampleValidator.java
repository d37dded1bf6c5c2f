package io.kirincontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates JSON values against schemas of the spec with networknt json-schema-validator, in the OpenAPI
 * 3.0 dialect (so {@code nullable} and {@code discriminator} are keywords, not unknown words). The whole
 * spec document is the schema resource; a schema is addressed by a JSON pointer into it, so every
 * {@code $ref} resolves the way a tool reading the document would resolve it.
 */
final class ExampleValidator {

  private static final JsonMetaSchema DIALECT = OpenApi30.getInstance();

  private final String document;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(
          VersionFlag.V4, builder -> builder.metaSchema(DIALECT).defaultMetaSchemaIri(DIALECT.getIri()));
  private final SchemaValidatorsConfig config =
      SchemaValidatorsConfig.builder()
          .discriminatorKeywordEnabled(true)
          .formatAssertionsEnabled(true)
          .pathType(PathType.JSON_POINTER)
          .build();
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  ExampleValidator() {
    this.document = Spec.path().toUri().toString();
  }

  /** The problems of {@code value} against the schema at {@code pointer} ({@code /components/schemas/Task}). */
  Set<ValidationMessage> validate(JsonNode value, String pointer) {
    return schemas.computeIfAbsent(pointer, this::load).validate(value);
  }

  private JsonSchema load(String pointer) {
    return factory.getSchema(location(pointer), config);
  }

  /**
   * The schema location of a JSON pointer into the document, built token by token: {@link
   * SchemaLocation#of(String)} takes fragment tokens literally (no {@code ~1} or percent decoding), which
   * breaks on keys such as {@code /v1/videos/generations/{task_id}} or {@code {$request.body#/callback_url}}.
   */
  private SchemaLocation location(String pointer) {
    if (!pointer.startsWith("/")) {
      throw new IllegalArgumentException("not a JSON pointer: " + pointer);
    }
    SchemaLocation location = SchemaLocation.of(document);
    for (String token : pointer.substring(1).split("/", -1)) {
      String name = token.replace("~1", "/").replace("~0", "~");
      location = name.matches("0|[1-9][0-9]*") ? location.append(Integer.parseInt(name)) : location.append(name);
    }
    return location;
  }
}
