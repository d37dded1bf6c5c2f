package io.kirincontract.mock.lifecycle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.mock.rules.internal.TaskKinds;
import io.kirincontract.mock.tasks.TaskMetadata;
import io.kirincontract.mock.tasks.TaskWarning;
import io.kirincontract.mock.validation.internal.ValidatedRequest;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelProfile;
import io.kirincontract.spec.RuleDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a valid request resolves to (DESIGN §3), from its model's profile: the output resolution of its mode and the
 * profile's frame rate; the aspect ratio given, else the one of the image or video the output follows, else the
 * schema's default or the profile's; the duration given or the default, or the input video's with a video edit; the
 * task kind ({@link TaskKinds}).
 */
public final class MetadataResolver {

  private static final String ASPECT_RATIO_RULE = ".image.aspect-ratio";

  /** The widest aspect ratio a model allows for an image, by model (models without the rule are absent). */
  private final Map<String, BigDecimal> maxImageRatio = new HashMap<>();

  public MetadataResolver(KirinSpec spec) {
    for (String model : spec.modelIds()) {
      spec.rulesFor(model).stream()
          .filter(rule -> rule.id().endsWith(ASPECT_RATIO_RULE))
          .findFirst()
          .map(RuleDef::limits)
          .map(limits -> new BigDecimal(limits.get("max-ratio")))
          .ifPresent(max -> maxImageRatio.put(model, max));
    }
  }

  public TaskMetadata resolve(ValidatedRequest request) {
    RequestView view = request.view();
    ModelProfile profile = request.profile();
    String mode = profile.has("mode") ? view.textOrDefault("mode").orElse(profile.defaultMode()) : profile.defaultMode();
    int shortSide = profile.output().shortSide(mode);
    int fps = profile.output().fps();
    List<TaskWarning> warnings = new ArrayList<>(request.warnings());
    Ratio ratio = aspectRatio(profile, request, warnings);
    ModelProfile.TaskKind kind = TaskKinds.of(profile, view);
    Optional<VideoInfo> baseVideo = kind.durationFromInput() ? baseVideo(request) : Optional.empty();
    double duration =
        baseVideo
            .map(video -> wholeFrames(video.durationSeconds(), fps))
            .orElseGet(() -> Double.parseDouble(view.textOrDefault("duration").orElseThrow()));
    return new TaskMetadata(
        shortSide + "p",
        ratio.width(shortSide),
        ratio.height(shortSide),
        fps,
        ratio.label(),
        duration,
        mode,
        sound(view),
        profile.has("multi_shot") ? view.bool("multi_shot") : null,
        kind.name(),
        baseVideo.map(VideoInfo::durationSeconds).orElse(null),
        request.ignoredParams(),
        warnings);
  }

  /**
   * A base video's measured duration as the output lasts it (DESIGN §3): 4.625 s gives 4.625 s; a duration between two
   * frames of the output is taken to the nearest whole frame (5.005 s is 120 frames at 24 fps, 5 s). Only billing
   * rounds to the second.
   */
  static double wholeFrames(double seconds, int fps) {
    return Math.max(1, Math.round(seconds * fps)) / (double) fps;
  }

  /** Sound is on when asked for, or when a video's original sound is kept. */
  private static String sound(RequestView view) {
    boolean keep =
        view.items("video_list").stream()
            .anyMatch(video -> RequestView.text(video, "keep_original_sound").filter("yes"::equals).isPresent());
    return keep ? "on" : view.textOrDefault("sound").orElse("off");
  }

  private Ratio aspectRatio(ModelProfile profile, ValidatedRequest request, List<TaskWarning> warnings) {
    RequestView view = request.view();
    Optional<Ratio> followed =
        image(request, "image")
            .or(() -> firstFrame(request))
            .or(() -> baseVideo(request).map(video -> Ratio.of(video.width(), video.height())))
            .or(() -> tailImage(request, warnings));
    return view.text("aspect_ratio").map(Ratio::parse)
        .or(() -> followed)
        .or(() -> view.textOrDefault("aspect_ratio").map(Ratio::parse))
        .orElseGet(() -> Ratio.parse(profile.output().aspectRatio()));
  }

  private static Optional<Ratio> image(ValidatedRequest request, String param) {
    return request.media().inspectedImage(param).map(info -> Ratio.of(info.width(), info.height()));
  }

  /**
   * With {@code image_tail} alone the output follows the tail image, whose aspect ratio the documents do not limit,
   * clamped to the range the model allows for {@code image} (DESIGN §3): every accepted request gives a result that
   * can be encoded and downloaded. A clamp is named in {@code metadata.warnings}.
   */
  private Optional<Ratio> tailImage(ValidatedRequest request, List<TaskWarning> warnings) {
    BigDecimal max = maxImageRatio.get(request.model());
    return image(request, "image_tail")
        .map(
            tail -> {
              Ratio clamped = max == null ? tail : tail.clamp(max);
              if (!clamped.equals(tail)) {
                warnings.add(
                    new TaskWarning(
                        null,
                        "image_tail",
                        "the output follows image_tail, whose aspect ratio " + tail.label() + " is outside 1:"
                            + max.toPlainString() + " to " + max.toPlainString()
                            + ":1; the output's aspect ratio is clamped to " + clamped.label()));
              }
              return clamped;
            });
  }

  private static Optional<Ratio> firstFrame(ValidatedRequest request) {
    List<JsonNode> images = request.view().items("image_list");
    for (int i = 0; i < images.size(); i++) {
      if (RequestView.text(images.get(i), "type").filter("first_frame"::equals).isPresent()) {
        String entry = "image_list[" + i + "]";
        Optional<ImageInfo> info =
            request.media().inspectedImage(entry + ".image_url")
                .or(() -> request.media().inspectedImage(entry + ".image"));
        return info.map(image -> Ratio.of(image.width(), image.height()));
      }
    }
    return Optional.empty();
  }

  private static Optional<VideoInfo> baseVideo(ValidatedRequest request) {
    int index = TaskKinds.baseVideo(request.view());
    return index < 0 ? Optional.empty() : request.media().inspectedVideo("video_list[" + index + "].video_url");
  }
}
