package io.kirincontract.mock.validation.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code null} counts as absent (DESIGN §3): many serializers send {@code "negative_prompt": null} for an unset
 * field. A property whose value is {@code null}, at any depth (in nested objects and in the objects of lists), is
 * taken out before the request is checked, so an optional field is simply not there and a required one is refused
 * as missing, by name. A {@code null} item of a list stays (it is not a field: the type check names it).
 */
final class AbsentNulls {

  private AbsentNulls() {}

  /** The body itself when it holds no {@code null} property, else a copy without them. */
  static JsonNode remove(JsonNode body) {
    if (!hasNullProperty(body)) {
      return body;
    }
    JsonNode copy = body.deepCopy();
    strip(copy);
    return copy;
  }

  private static boolean hasNullProperty(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        JsonNode value = it.next().getValue();
        if (value.isNull() || hasNullProperty(value)) {
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode item : array) {
        if (hasNullProperty(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getValue().isNull()) {
          nulls.add(field.getKey());
        } else {
          strip(field.getValue());
        }
      }
      object.remove(nulls);
    } else if (node instanceof ArrayNode array) {
      array.forEach(AbsentNulls::strip);
    }
  }
}
