package io.kirincontract.mock.robustness;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Edits of a valid request: on the tree (drop, replace, retype, lengthen, nest, multiply, rename the model) and on
 * its text (cut, duplicate keys, trailing data, comments, bad UTF-8, nesting past the parser's limit).
 */
final class Mutations {

  /** Writes any depth the edits make (the server's parser is what limits nesting, not this writer). */
  private static final ObjectMapper JSON =
      new ObjectMapper(
          JsonFactory.builder()
              .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
              .build());
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String[] MODELS = {
    "kirin_v3_t2v", "kirin_video_o1", "kirin_v3_i2v", "kirin_v2_master_t2v", "kirin_v2_1_master_i2v"
  };
  private static final String[] MEDIA_FIELDS = {"image", "image_tail", "image_url", "video_url"};

  /** A place in a tree: a field of an object or an index of an array. */
  private record Slot(JsonNode container, String field, int index) {

    JsonNode value() {
      return field != null ? container.get(field) : container.get(index);
    }

    void set(JsonNode value) {
      if (field != null) {
        ((ObjectNode) container).set(field, value);
      } else {
        ((ArrayNode) container).set(index, value);
      }
    }

    void remove() {
      if (field != null) {
        ((ObjectNode) container).remove(field);
      } else {
        ((ArrayNode) container).remove(index);
      }
    }
  }

  private Mutations() {}

  /** {@code body} edited one to four times, as a description and a copy. */
  static ObjectNode mutate(SplittableRandom random, ObjectNode body, StringBuilder says) {
    ObjectNode copy = body.deepCopy();
    int edits = 1 + random.nextInt(4);
    for (int i = 0; i < edits; i++) {
      says.append(i == 0 ? "" : ", ").append(edit(random, copy));
    }
    return copy;
  }

  private static String edit(SplittableRandom random, ObjectNode root) {
    List<Slot> slots = slots(root);
    Slot slot = slots.get(random.nextInt(slots.size()));
    String where = slot.field != null ? slot.field : "[" + slot.index + "]";
    JsonNode value = slot.value();
    switch (random.nextInt(11)) {
      case 0 -> {
        slot.remove();
        return "dropped " + where;
      }
      case 1 -> {
        slot.set(JsonValues.any(random, 2));
        return "replaced " + where;
      }
      case 2 -> {
        slot.set(retyped(random, value));
        return "retyped " + where;
      }
      case 3 -> {
        slot.set(NODES.textNode(JsonValues.string(random)));
        return "odd string at " + where;
      }
      case 4 -> {
        slot.set(NODES.textNode(JsonValues.longString(random)));
        return "long string at " + where;
      }
      case 5 -> {
        slot.set(JsonValues.nested(random, 1 + random.nextInt(400), value));
        return "nested " + where;
      }
      case 6 -> {
        mediaField(random, root);
        return "media value";
      }
      case 7 -> {
        multiply(random, root);
        return "multiplied an array";
      }
      case 8 -> {
        ObjectNode target = objectAround(random, root);
        target.set(JsonValues.NAMES[random.nextInt(JsonValues.NAMES.length)], JsonValues.any(random, 2));
        return "added a field";
      }
      case 9 -> {
        root.put("model", MODELS[random.nextInt(MODELS.length)]);
        return "model " + root.get("model").asText();
      }
      default -> {
        slot.set(value.isNumber() ? JsonValues.integer(random) : JsonValues.decimal(random));
        return "number at " + where;
      }
    }
  }

  /** The same information in another JSON type: "5" and 5, true and "true", [x] and x, {} and []. */
  private static JsonNode retyped(SplittableRandom random, JsonNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      try {
        return random.nextBoolean() ? NODES.numberNode(Long.parseLong(text)) : NODES.arrayNode().add(value);
      } catch (NumberFormatException e) {
        return random.nextBoolean() ? NODES.booleanNode(!text.isEmpty()) : NODES.arrayNode().add(value);
      }
    }
    if (value.isNumber() || value.isBoolean()) {
      return NODES.textNode(value.asText());
    }
    if (value.isArray()) {
      return value.isEmpty() ? NODES.objectNode() : value.get(0);
    }
    if (value.isObject()) {
      return random.nextBoolean() ? NODES.arrayNode().add(value) : NODES.textNode(value.toString());
    }
    return NODES.textNode("null");
  }

  private static void mediaField(SplittableRandom random, ObjectNode root) {
    ObjectNode target = objectAround(random, root);
    target.put(MEDIA_FIELDS[random.nextInt(MEDIA_FIELDS.length)], MediaValues.any(random));
  }

  /** Repeats the entries of an array (image_list, multi_prompt...) up to 100 times. */
  private static void multiply(SplittableRandom random, ObjectNode root) {
    List<ArrayNode> arrays = new ArrayList<>();
    for (Slot slot : slots(root)) {
      if (slot.value().isArray() && !slot.value().isEmpty()) {
        arrays.add((ArrayNode) slot.value());
      }
    }
    if (arrays.isEmpty()) {
      root.set("multi_prompt", NODES.arrayNode());
      return;
    }
    ArrayNode array = arrays.get(random.nextInt(arrays.size()));
    int copies = 1 + random.nextInt(100);
    JsonNode entry = array.get(random.nextInt(array.size()));
    for (int i = 0; i < copies; i++) {
      array.add(entry.deepCopy());
    }
  }

  private static ObjectNode objectAround(SplittableRandom random, ObjectNode root) {
    List<ObjectNode> objects = new ArrayList<>();
    objects.add(root);
    for (Slot slot : slots(root)) {
      if (slot.value().isObject()) {
        objects.add((ObjectNode) slot.value());
      }
    }
    return objects.get(random.nextInt(objects.size()));
  }

  private static List<Slot> slots(JsonNode root) {
    List<Slot> slots = new ArrayList<>();
    collect(root, slots);
    if (slots.isEmpty()) {
      slots.add(new Slot(root, "model", -1));
    }
    return slots;
  }

  private static void collect(JsonNode node, List<Slot> slots) {
    if (node.isObject()) {
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        slots.add(new Slot(node, name, -1));
        collect(node.get(name), slots);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        slots.add(new Slot(node, null, i));
        collect(node.get(i), slots);
      }
    }
  }

  /** The body as UTF-8 JSON (a lone surrogate in a string becomes '?'). */
  static byte[] write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text of {@code body}, spoiled in one way. */
  static byte[] corrupt(SplittableRandom random, byte[] json, StringBuilder says) {
    String text = new String(json, StandardCharsets.UTF_8);
    int at = text.isEmpty() ? 0 : random.nextInt(text.length());
    int firstBrace = Math.max(0, text.indexOf('{') + 1);
    String spoiled;
    switch (random.nextInt(11)) {
      case 0 -> {
        says.append("; cut at ").append(at);
        spoiled = text.substring(0, at);
      }
      case 1 -> {
        says.append("; duplicate model key");
        spoiled = text.substring(0, firstBrace) + "\"model\":\"kirin_v3_t2v\"," + text.substring(firstBrace);
      }
      case 2 -> {
        says.append("; trailing data");
        spoiled = text + new String[] {"}", " {}", "x", ",", "\u0000", "\n\n[]"}[random.nextInt(6)];
      }
      case 3 -> {
        says.append("; byte order mark");
        spoiled = "\uFEFF" + text;
      }
      case 4 -> {
        says.append("; character replaced at ").append(at);
        spoiled = text.substring(0, at) + (char) random.nextInt(0x80) + text.substring(Math.min(text.length(), at + 1));
      }
      case 5 -> {
        int depth = new int[] {999, 1000, 1001, 5000, 20_000}[random.nextInt(5)];
        says.append("; a value nested ").append(depth).append(" deep");
        spoiled =
            text.substring(0, firstBrace) + "\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + ","
                + text.substring(firstBrace);
      }
      case 6 -> {
        says.append("; non-standard number");
        String number = new String[] {"NaN", "Infinity", "-Infinity", "01", "+1", ".5", "1.", "0x10", "1e99999"}[
            random.nextInt(9)];
        spoiled = text.substring(0, firstBrace) + "\"duration\":" + number + "," + text.substring(firstBrace);
      }
      case 7 -> {
        says.append("; comment");
        spoiled = text.substring(0, firstBrace) + "/* c */" + text.substring(firstBrace);
      }
      case 8 -> {
        says.append("; single quotes");
        spoiled = text.replace('"', '\'');
      }
      case 9 -> {
        says.append("; invalid UTF-8");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int cut = random.nextInt(bytes.length + 1);
        out.write(bytes, 0, cut);
        out.writeBytes(new byte[][] {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}}[random.nextInt(4)]);
        out.write(bytes, cut, bytes.length - cut);
        return out.toByteArray();
      }
      default -> {
        says.append("; as a JSON array");
        spoiled = "[" + text + "]";
      }
    }
    return spoiled.getBytes(StandardCharsets.UTF_8);
  }
}
