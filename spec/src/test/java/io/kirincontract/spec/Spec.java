package io.kirincontract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The contract under test, {@code kirin-api.yaml} from the test classpath, read once per JVM. */
final class Spec {

  static final String RESOURCE = "kirin-api.yaml";

  private static final ObjectMapper YAML = new YAMLMapper();
  private static Path path;
  private static JsonNode tree;
  private static SwaggerParseResult parsed;

  private Spec() {}

  /** The spec file on disk (the copy on the test classpath). */
  static synchronized Path path() {
    if (path == null) {
      URL url = Spec.class.getClassLoader().getResource(RESOURCE);
      if (url == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      try {
        path = Path.of(url.toURI());
      } catch (URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return path;
  }

  /** The raw YAML document as a JSON tree, {@code $ref}s left as they are. */
  static synchronized JsonNode tree() {
    if (tree == null) {
      try {
        tree = YAML.readTree(path().toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return tree;
  }

  /**
   * The spec read by Swagger Parser as the mock server and the conformance suite read it: {@link
   * OpenAPIV3Parser} with {@code resolve} on (not {@code resolveFully}, which loses schema names).
   */
  static synchronized SwaggerParseResult parsed() {
    if (parsed == null) {
      ParseOptions options = new ParseOptions();
      options.setResolve(true);
      parsed = new OpenAPIV3Parser().readLocation(path().toUri().toString(), null, options);
    }
    return parsed;
  }

  /** Follows a local {@code $ref} (any depth) in the raw tree; other nodes are returned as they are. */
  static JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current != null && current.has("$ref"); hops++) {
      if (hops > 16) {
        throw new IllegalStateException("$ref loop at " + node);
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are expected, got " + ref);
      }
      current = tree().at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("$ref " + ref + " points at nothing");
      }
    }
    return current;
  }
}
