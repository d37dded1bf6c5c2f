package io.kirincontract.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** Request bodies for tests: a valid minimal body per model, and edits on copies. */
public final class Bodies {

  private Bodies() {}

  /** Parses JSON written with single quotes for readability: {@code json("{'model': 'kirin_v3_t2v'}")}. */
  public static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) MockApi.JSON.readTree(singleQuoted.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy of {@code body} with {@code edit} applied. */
  public static ObjectNode with(ObjectNode body, Consumer<ObjectNode> edit) {
    ObjectNode copy = body.deepCopy();
    edit.accept(copy);
    return copy;
  }

  public static ObjectNode v3t2v() {
    return json("{'model': 'kirin_v3_t2v', 'prompt': 'A red fox trots across a snowy meadow'}");
  }

  /** A valid V3 multi-shot body of 5 seconds in two shots (2 s + 3 s). */
  public static ObjectNode v3t2vMultiShot() {
    return json(
        "{'model': 'kirin_v3_t2v', 'multi_shot': true, 'shot_type': 'customize', 'duration': '5', 'multi_prompt': ["
            + "{'index': 1, 'prompt': 'The fox looks up', 'duration': '2'},"
            + "{'index': 2, 'prompt': 'The fox jumps', 'duration': '3'}]}");
  }

  public static ObjectNode v3i2v(String image) {
    ObjectNode body = json("{'model': 'kirin_v3_i2v', 'prompt': 'The camera pulls back'}");
    body.put("image", image);
    return body;
  }

  public static ObjectNode o1() {
    return json("{'model': 'kirin_video_o1', 'prompt': 'A paper boat sails down a street', 'aspect_ratio': '16:9'}");
  }

  public static ObjectNode v2t2v() {
    return json("{'model': 'kirin_v2_master_t2v', 'prompt': 'An astronaut plants a flag'}");
  }

  public static ObjectNode v21i2v(String image) {
    ObjectNode body = json("{'model': 'kirin_v2_1_master_i2v'}");
    body.put("image", image);
    return body;
  }

  /** An {@code image_list} entry: {@code {"image_url": image}} plus {@code type} when not null. */
  public static ObjectNode imageEntry(String image, String type) {
    ObjectNode entry = MockApi.JSON.createObjectNode().put("image_url", image);
    if (type != null) {
      entry.put("type", type);
    }
    return entry;
  }

  /** {@code image_list} of the given entries. */
  public static Consumer<ObjectNode> imageList(JsonNode... entries) {
    return body -> {
      ArrayNode list = body.putArray("image_list");
      for (JsonNode entry : entries) {
        list.add(entry);
      }
    };
  }

  /** {@code element_list} of {@code count} elements (ids 1001, 1002, ...). */
  public static Consumer<ObjectNode> elements(int count) {
    return body -> {
      ArrayNode list = body.putArray("element_list");
      for (int i = 1; i <= count; i++) {
        list.addObject().put("element_id", 1000 + i);
      }
    };
  }

  /** {@code video_list} of one video. */
  public static Consumer<ObjectNode> video(String url, String referType) {
    return body -> {
      ObjectNode video = body.putArray("video_list").addObject().put("video_url", url);
      if (referType != null) {
        video.put("refer_type", referType);
      }
    };
  }

  /** A string of {@code n} code points. */
  public static String text(int n) {
    return "a".repeat(n);
  }
}
