package io.kirincontract.spec.evolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.kirincontract.spec.KirinSpec;
import java.io.UncheckedIOException;
import java.util.function.Predicate;

/** A copy of the spec as a YAML tree, changed by a test and written back as spec text. */
final class SpecCopy {

  private static final YAMLMapper YAML = new YAMLMapper();
  private static final String BASELINE = KirinSpec.load().yaml();

  private final ObjectNode root;

  private SpecCopy(ObjectNode root) {
    this.root = root;
  }

  /** The spec as the module ships it. */
  static String baseline() {
    return BASELINE;
  }

  /** A copy of the spec as the module ships it. */
  static SpecCopy ofBaseline() {
    try {
      return new SpecCopy((ObjectNode) YAML.readTree(BASELINE));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object at a path of keys from the root. */
  ObjectNode object(String... path) {
    JsonNode node = root;
    for (String key : path) {
      node = node.get(key);
      if (node == null) {
        throw new IllegalArgumentException("the spec has no " + String.join(".", path));
      }
    }
    return (ObjectNode) node;
  }

  /** The array at a path of keys from the root. */
  ArrayNode array(String... path) {
    String[] parent = java.util.Arrays.copyOf(path, path.length - 1);
    return (ArrayNode) (parent.length == 0 ? root : object(parent)).get(path[path.length - 1]);
  }

  /** A request or component schema. */
  ObjectNode schema(String name) {
    return object("components", "schemas", name);
  }

  /** The first entry of an array whose {@code key} is {@code value}. */
  static ObjectNode entry(ArrayNode array, String key, String value) {
    for (JsonNode item : array) {
      if (value.equals(item.path(key).asText())) {
        return (ObjectNode) item;
      }
    }
    throw new IllegalArgumentException("no entry with " + key + " " + value);
  }

  /** Removes the entries of an array that match. */
  static void removeIf(ArrayNode array, Predicate<JsonNode> match) {
    for (int i = array.size() - 1; i >= 0; i--) {
      if (match.test(array.get(i))) {
        array.remove(i);
      }
    }
  }

  SpecCopy version(String version) {
    object("info").put("version", version);
    return this;
  }

  String yaml() {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
