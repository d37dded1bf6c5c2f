package io.kirincontract.mock.rules.internal.o1;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import java.util.ArrayList;
import java.util.List;

/** How the O1 rules read image_list, element_list and video_list. */
final class O1Request {

  static final String FIRST_FRAME = "first_frame";
  static final String END_FRAME = "end_frame";

  private O1Request() {}

  static List<JsonNode> images(RequestView request) {
    return request.items("image_list");
  }

  static List<JsonNode> elements(RequestView request) {
    return request.items("element_list");
  }

  static List<JsonNode> videos(RequestView request) {
    return request.items("video_list");
  }

  /** Indexes of the images with the given frame type. */
  static List<Integer> framesOfType(RequestView request, String type) {
    List<JsonNode> images = images(request);
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      if (RequestView.text(images.get(i), "type").filter(type::equals).isPresent()) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  /** Indexes of the images with any frame type. */
  static List<Integer> frames(RequestView request) {
    List<JsonNode> images = images(request);
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      if (RequestView.text(images.get(i), "type").isPresent()) {
        indexes.add(i);
      }
    }
    return indexes;
  }

  static String typeParam(int index) {
    return "image_list[" + index + "].type";
  }
}
