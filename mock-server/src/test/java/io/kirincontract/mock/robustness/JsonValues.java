package io.kirincontract.mock.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

/** Random JSON values and strings: every JSON type, edge numbers, odd and long strings, deep nesting. */
final class JsonValues {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Field names worth trying: the spec's own (in the wrong places too) and some that are not. */
  static final String[] NAMES = {
    "model", "prompt", "negative_prompt", "duration", "mode", "aspect_ratio", "sound", "multi_shot", "shot_type",
    "multi_prompt", "index", "image", "image_tail", "image_list", "image_url", "type", "element_list", "element_id",
    "video_list", "video_url", "refer_type", "keep_original_sound", "watermark_info", "enabled", "callback_url",
    "external_task_id", "cfg_scale", "camera_control", "", " ", "__proto__", "constructor", "模型", "a.b", "x[0]"
  };

  private static final String[] ODD_STRINGS = {
    "", " ", "\t", "\u0000", "null", "true", "5", "5.0", "05", "-1", "10 ", " 10", "１０", "1e3", "NaN",
    "16:9", "16:9 ", "16：9", "4:3", "0:0", "9:16", "1:1", "STD", "Pro", "pro", "std", "on", "off", "ON", "yes",
    "no", "customize", "intelligence", "first_frame", "end_frame", "feature", "base", "kirin_v3_t2v",
    "kirin_video_o1", "http://", "https://", "http://127.0.0.1:1/x.png", "ftp://example.invalid/a.png",
    "data:image/png;base64,iVBORw0KGgo=", "<<<image_1>>>", "<<<element_9>>>", "<<<video_1>>>", "\uD83D\uDE00",
    "e\u0301", "\uFEFF", "\u202E", "\uD800", "\uDFFF", "\\", "\"", "%s%n", "${jndi:x}", "../../etc/passwd",
    "\r\n", "a\u0000b"
  };

  private JsonValues() {}

  static JsonNode any(SplittableRandom random, int depth) {
    int kinds = depth <= 0 ? 6 : 8;
    return switch (random.nextInt(kinds)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> integer(random);
      case 3 -> decimal(random);
      case 4, 5 -> NODES.textNode(string(random));
      case 6 -> array(random, depth - 1);
      default -> object(random, depth - 1);
    };
  }

  static JsonNode integer(SplittableRandom random) {
    return switch (random.nextInt(9)) {
      case 0 -> NODES.numberNode(0);
      case 1 -> NODES.numberNode(-1);
      case 2 -> NODES.numberNode(random.nextInt(-20, 21));
      case 3 -> NODES.numberNode(Integer.MAX_VALUE);
      case 4 -> NODES.numberNode((long) Integer.MAX_VALUE + 1);
      case 5 -> NODES.numberNode(Long.MIN_VALUE);
      case 6 -> NODES.numberNode(new BigInteger("9223372036854775808"));
      case 7 -> NODES.numberNode(BigInteger.TEN.pow(random.nextInt(20, 400)));
      default -> NODES.numberNode(random.nextLong());
    };
  }

  static JsonNode decimal(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> NODES.numberNode(0.5);
      case 1 -> NODES.numberNode(-0.0);
      case 2 -> NODES.numberNode(5.0);
      case 3 -> NODES.numberNode(new BigDecimal("1e" + random.nextInt(300, 100_000)));
      default -> NODES.numberNode(random.nextDouble() * 1e6);
    };
  }

  static String string(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0, 1 -> ODD_STRINGS[random.nextInt(ODD_STRINGS.length)];
      case 2 -> ascii(random, Gen.size(300).next(random));
      case 3 -> unicode(random, Gen.size(300).next(random));
      case 4 -> longString(random);
      default -> NAMES[random.nextInt(NAMES.length)];
    };
  }

  /** Lengths around the spec's limits (256, 512, 2048, 2500 code points) and past them ({@link HugeInputTest}: 10 MB). */
  static String longString(SplittableRandom random) {
    int[] lengths = {255, 256, 257, 511, 512, 513, 2047, 2048, 2049, 2499, 2500, 2501, 10_000};
    int length = lengths[random.nextInt(lengths.length)];
    String unit = switch (random.nextInt(4)) {
      case 0 -> "a";
      case 1 -> "\uD83E\uDD8A"; // one code point, two chars
      case 2 -> "é";
      default -> "e\u0301"; // two code points
    };
    return unit.repeat(unit.equals("e\u0301") ? (length + 1) / 2 : length);
  }

  static String ascii(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(0x20, 0x7f));
    }
    return text.toString();
  }

  /** Any UTF-16 units, lone surrogates and control characters included. */
  static String unicode(SplittableRandom random, int length) {
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append((char) (random.nextInt(4) == 0 ? random.nextInt(0x20) : random.nextInt(0x10000)));
    }
    return text.toString();
  }

  static ArrayNode array(SplittableRandom random, int depth) {
    ArrayNode array = NODES.arrayNode();
    int size = Gen.size(12).next(random);
    for (int i = 0; i < size; i++) {
      array.add(any(random, depth));
    }
    return array;
  }

  static ObjectNode object(SplittableRandom random, int depth) {
    ObjectNode object = NODES.objectNode();
    int size = Gen.size(8).next(random);
    for (int i = 0; i < size; i++) {
      object.set(NAMES[random.nextInt(NAMES.length)], any(random, depth));
    }
    return object;
  }

  /** {@code depth} arrays or objects inside each other around {@code inner}. */
  static JsonNode nested(SplittableRandom random, int depth, JsonNode inner) {
    JsonNode node = inner;
    boolean arrays = random.nextBoolean();
    for (int i = 0; i < depth; i++) {
      if (arrays) {
        node = NODES.arrayNode().add(node);
      } else {
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set(NAMES[random.nextInt(NAMES.length)], node);
        node = wrapper;
      }
    }
    return node;
  }
}
