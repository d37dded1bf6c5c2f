package io.kirincontract.mock.rules.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelProfile;
import io.kirincontract.spec.ModelProfile.TaskKind;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which of its model's task kinds ({@code metadata.generation_type}) a request is: the first kind of the profile,
 * in the spec's order, whose inputs the request gives, else the profile's last kind. The one place the kinds are
 * told apart, for the rules (a kind's duration set) and the lifecycle (the task's metadata) alike.
 */
public final class TaskKinds {

  /** What makes a request each kind; a model's profile names the kinds it has. */
  private static final Map<String, Predicate<RequestView>> INPUTS =
      Map.of(
          "video_edit", request -> baseVideo(request) >= 0,
          "reference_to_video",
              request ->
                  !request.items("video_list").isEmpty()
                      || !request.items("element_list").isEmpty()
                      || request.items("image_list").stream().anyMatch(image -> frameType(image).isEmpty()),
          "frames_to_video",
              request ->
                  !request.isEmpty("image_tail")
                      || request.items("image_list").stream().anyMatch(image -> frameType(image).equals("end_frame")),
          "image_to_video", request -> !request.isEmpty("image") || !request.items("image_list").isEmpty(),
          "text_to_video", request -> true);

  /** What each kind is, for messages. */
  private static final Map<String, String> WORDS =
      Map.of(
          "video_edit", "a video edit (a video with refer_type base)",
          "reference_to_video", "a reference video (reference images, elements or a feature video)",
          "frames_to_video", "a first-and-end-frame video",
          "image_to_video", "a first-frame video",
          "text_to_video", "a text-to-video task (no images, elements or videos)");

  private TaskKinds() {}

  /** The kind of a request of the profile's model. */
  public static TaskKind of(ModelProfile profile, RequestView request) {
    List<TaskKind> kinds = profile.taskKinds();
    return kinds.stream()
        .filter(kind -> INPUTS.get(kind.name()).test(request))
        .findFirst()
        .orElse(kinds.get(kinds.size() - 1));
  }

  /** The kind in words: {@code a first-frame video}. */
  public static String words(TaskKind kind) {
    return WORDS.get(kind.name());
  }

  /** Fails when a profile names a kind this class cannot tell apart (checked once, at start). */
  static void check(KirinSpec spec) {
    for (ModelProfile profile : spec.profiles()) {
      if (profile.taskKinds().isEmpty()) {
        throw new IllegalStateException(profile.modelId() + " has no task kinds");
      }
      for (TaskKind kind : profile.taskKinds()) {
        if (!INPUTS.containsKey(kind.name())) {
          throw new IllegalStateException(
              profile.modelId() + " names an unknown task kind " + kind.name() + "; known: " + INPUTS.keySet());
        }
      }
    }
  }

  /** Index of the first video to edit ({@code refer_type} base, the default), or -1. */
  public static int baseVideo(RequestView request) {
    List<JsonNode> videos = request.items("video_list");
    for (int i = 0; i < videos.size(); i++) {
      if (RequestView.text(videos.get(i), "refer_type").orElse("base").equals("base")) {
        return i;
      }
    }
    return -1;
  }

  private static String frameType(JsonNode image) {
    return RequestView.text(image, "type").orElse("");
  }
}
