package io.kirincontract.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The spec's examples point their videos at {@code media.example.invalid}, which no server can fetch; this swaps
 * each such URL for a real video served by the suite, so that an example stays a valid request.
 */
public final class ExampleMedia implements UnaryOperator<JsonNode> {

  static final String PLACEHOLDER_HOST = "://media.example.invalid/";

  private final Supplier<String> videoUrl;

  public ExampleMedia(Supplier<String> videoUrl) {
    this.videoUrl = videoUrl;
  }

  @Override
  public JsonNode apply(JsonNode node) {
    JsonNode copy = node.deepCopy();
    return swap(copy);
  }

  private JsonNode swap(JsonNode node) {
    if (node.isTextual() && node.textValue().contains(PLACEHOLDER_HOST)) {
      return TextNode.valueOf(videoUrl.get());
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(swap(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, swap(array.get(i)));
      }
    }
    return node;
  }
}
