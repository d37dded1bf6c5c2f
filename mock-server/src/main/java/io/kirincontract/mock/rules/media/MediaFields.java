package io.kirincontract.mock.rules.media;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.RequestView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Where a model's media values are, as a function of the request. Empty values are left to other rules. */
@FunctionalInterface
public interface MediaFields {

  List<MediaParam> values(RequestView request);

  /** {@code image} and {@code image_tail} (kirin_v3_i2v). */
  static MediaFields imageAndTail() {
    return request -> fields(request, "image", "image_tail");
  }

  /** {@code image} alone (the kirin_v3_i2v first frame, the kirin_v2_1_master_i2v image). */
  static MediaFields image() {
    return request -> fields(request, "image");
  }

  /** Each {@code image_list[i]}: {@code image_url}, or the compatible field {@code image} when it is empty. */
  static MediaFields o1Images() {
    return request -> {
      List<MediaParam> values = new ArrayList<>();
      List<JsonNode> images = request.items("image_list");
      for (int i = 0; i < images.size(); i++) {
        int index = i;
        Optional<String> url = RequestView.text(images.get(i), "image_url");
        Optional<String> image = RequestView.text(images.get(i), "image");
        url.map(value -> new MediaParam("image_list[" + index + "].image_url", value))
            .or(() -> image.map(value -> new MediaParam("image_list[" + index + "].image", value)))
            .ifPresent(values::add);
      }
      return values;
    };
  }

  /** Each {@code video_list[i].video_url} (kirin_video_o1). */
  static MediaFields o1Videos() {
    return request -> {
      List<MediaParam> values = new ArrayList<>();
      List<JsonNode> videos = request.items("video_list");
      for (int i = 0; i < videos.size(); i++) {
        int index = i;
        RequestView.text(videos.get(i), "video_url")
            .ifPresent(url -> values.add(new MediaParam("video_list[" + index + "].video_url", url)));
      }
      return values;
    };
  }

  /** Every image value of a model's request (for inspecting them all at once). */
  static MediaFields imagesOf(String modelId) {
    return switch (modelId) {
      case "kirin_v3_i2v" -> imageAndTail();
      case "kirin_v2_1_master_i2v" -> image();
      case "kirin_video_o1" -> o1Images();
      default -> request -> List.of();
    };
  }

  /** Every video value of a model's request. */
  static MediaFields videosOf(String modelId) {
    return "kirin_video_o1".equals(modelId) ? o1Videos() : request -> List.of();
  }

  private static List<MediaParam> fields(RequestView request, String... names) {
    List<MediaParam> values = new ArrayList<>();
    for (String name : names) {
      request.text(name).filter(text -> !text.isEmpty()).ifPresent(text -> values.add(new MediaParam(name, text)));
    }
    return values;
  }
}
