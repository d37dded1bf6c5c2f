package io.kirincontract.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.client.invoker.ApiClient;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The generated {@link ApiClient}'s ObjectMapper, and JSON-tree helpers for comparing what it writes. */
final class Json {

  /** The mapper the generated client sends and reads bodies with. */
  static final ObjectMapper CLIENT = new ApiClient().getObjectMapper();

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private Json() {}

  /** What the client puts on the wire for {@code value}, read back as a plain JSON tree. */
  static JsonNode written(Object value) {
    try {
      return PLAIN.readTree(CLIENT.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code json} (a tree from the spec) with the client's mapper, as the client reads a response. */
  static <T> T read(JsonNode json, Class<T> type) {
    try {
      return CLIENT.readValue(PLAIN.writeValueAsString(json), type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON pointers of every {@code null} in a tree. */
  static List<String> nulls(JsonNode tree) {
    List<String> found = new ArrayList<>();
    collectNulls(tree, "", found);
    return found;
  }

  private static void collectNulls(JsonNode node, String at, List<String> found) {
    if (node.isNull()) {
      found.add(at.isEmpty() ? "/" : at);
    } else if (node.isObject()) {
      node.fields().forEachRemaining(e -> collectNulls(e.getValue(), at + "/" + e.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNulls(node.get(i), at + "/" + i, found);
      }
    }
  }
}
