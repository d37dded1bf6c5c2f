package io.kirincontract.mock.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.rules.RequestView;
import io.kirincontract.mock.validation.ValidatedRequest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a valid request resolves to (DESIGN §3): V2 Master 720p, V2.1 Master 1080p, V3 and O1 {@code std} 720p and
 * {@code pro} 1080p, always 24 fps; the aspect ratio given, else the one of the image or video the output follows;
 * the duration given or the default, or the input video's with video editing.
 */
public final class MetadataResolver {

  static final int FPS = 24;

  public TaskMetadata resolve(ValidatedRequest request) {
    RequestView view = request.view();
    String model = request.model();
    String mode = mode(model, view);
    int shortSide = shortSide(model, mode);
    List<TaskWarning> warnings = new ArrayList<>(request.warnings());
    Ratio ratio = aspectRatio(model, request, warnings);
    Optional<VideoInfo> baseVideo = "kirin_video_o1".equals(model) ? baseVideo(request) : Optional.empty();
    double duration =
        baseVideo
            .map(video -> wholeFrames(video.durationSeconds()))
            .orElseGet(() -> Double.parseDouble(view.textOrDefault("duration").orElse("5")));
    return new TaskMetadata(
        shortSide + "p",
        ratio.width(shortSide),
        ratio.height(shortSide),
        FPS,
        ratio.label(),
        duration,
        mode,
        sound(model, view),
        model.startsWith("kirin_v3_") ? view.bool("multi_shot") : null,
        generationType(model, view),
        baseVideo.map(VideoInfo::durationSeconds).orElse(null),
        request.ignoredParams(),
        warnings);
  }

  /**
   * A base video's measured duration as the output lasts it (DESIGN §3): 4.625 s gives 4.625 s; a duration between two
   * frames of the 24 fps output is taken to the nearest whole frame (5.005 s is 120 frames, 5 s). Only billing rounds
   * to the second.
   */
  static double wholeFrames(double seconds) {
    return Math.max(1, Math.round(seconds * FPS)) / (double) FPS;
  }

  private static String mode(String model, RequestView view) {
    return switch (model) {
      case "kirin_v3_t2v", "kirin_v3_i2v", "kirin_video_o1" -> view.textOrDefault("mode").orElse("std");
      default -> "std";
    };
  }

  private static int shortSide(String model, String mode) {
    return switch (model) {
      case "kirin_v2_master_t2v" -> 720;
      case "kirin_v2_1_master_i2v" -> 1080;
      default -> "pro".equals(mode) ? 1080 : 720;
    };
  }

  private static String sound(String model, RequestView view) {
    if ("kirin_video_o1".equals(model)) {
      boolean keep =
          view.items("video_list").stream()
              .anyMatch(video -> RequestView.text(video, "keep_original_sound").filter("yes"::equals).isPresent());
      return keep ? "on" : "off";
    }
    return view.textOrDefault("sound").orElse("off");
  }

  private static Ratio aspectRatio(String model, ValidatedRequest request, List<TaskWarning> warnings) {
    RequestView view = request.view();
    Optional<Ratio> given = view.text("aspect_ratio").map(Ratio::parse);
    Optional<Ratio> followed =
        switch (model) {
          case "kirin_v3_i2v" -> image(request, "image").or(() -> tailImage(request, warnings));
          case "kirin_v2_1_master_i2v" -> image(request, "image");
          case "kirin_video_o1" -> firstFrame(request).or(() -> baseVideo(request).map(v -> Ratio.of(v.width(), v.height())));
          default -> Optional.empty();
        };
    return given.or(() -> followed).or(() -> view.textOrDefault("aspect_ratio").map(Ratio::parse))
        .orElse(Ratio.parse("16:9"));
  }

  private static Optional<Ratio> image(ValidatedRequest request, String param) {
    return request.media().inspectedImage(param).map(info -> Ratio.of(info.width(), info.height()));
  }

  /**
   * With {@code image_tail} alone the output follows the tail image, whose aspect ratio the documents do not limit,
   * clamped to the range they allow for {@code image} (DESIGN §3): every accepted request gives a result that can be
   * encoded and downloaded. A clamp is named in {@code metadata.warnings}.
   */
  private static Optional<Ratio> tailImage(ValidatedRequest request, List<TaskWarning> warnings) {
    return image(request, "image_tail")
        .map(
            tail -> {
              Ratio clamped = tail.clamp();
              if (!clamped.equals(tail)) {
                warnings.add(
                    new TaskWarning(
                        null,
                        "image_tail",
                        "the output follows image_tail, whose aspect ratio "
                            + tail.label()
                            + " is outside 1:2.5 to 2.5:1; the output's aspect ratio is clamped to "
                            + clamped.label()));
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
    List<JsonNode> videos = request.view().items("video_list");
    for (int i = 0; i < videos.size(); i++) {
      if (RequestView.text(videos.get(i), "refer_type").orElse("base").equals("base")) {
        return request.media().inspectedVideo("video_list[" + i + "].video_url");
      }
    }
    return Optional.empty();
  }

  private static String generationType(String model, RequestView view) {
    return switch (model) {
      case "kirin_v3_i2v" -> view.isEmpty("image_tail") ? "image_to_video" : "frames_to_video";
      case "kirin_v2_1_master_i2v" -> "image_to_video";
      case "kirin_video_o1" -> o1GenerationType(view);
      default -> "text_to_video";
    };
  }

  private static String o1GenerationType(RequestView view) {
    List<JsonNode> videos = view.items("video_list");
    if (videos.stream().anyMatch(v -> RequestView.text(v, "refer_type").orElse("base").equals("base"))) {
      return "video_edit";
    }
    List<JsonNode> images = view.items("image_list");
    boolean references =
        !videos.isEmpty()
            || !view.items("element_list").isEmpty()
            || images.stream().anyMatch(image -> RequestView.text(image, "type").isEmpty());
    if (references) {
      return "reference_to_video";
    }
    if (images.stream().anyMatch(image -> RequestView.text(image, "type").filter("end_frame"::equals).isPresent())) {
      return "frames_to_video";
    }
    return images.isEmpty() ? "text_to_video" : "image_to_video";
  }

  /** An aspect ratio, width to height, reduced. */
  record Ratio(long w, long h) {

    static Ratio of(long width, long height) {
      long gcd = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).longValue();
      return gcd == 0 ? new Ratio(16, 9) : new Ratio(width / gcd, height / gcd);
    }

    static Ratio parse(String label) {
      String[] parts = label.split(":");
      return of(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }

    /** The widest ({@code 5:2}) and the tallest ({@code 2:5}) ratio the documents allow for an image. */
    static final Ratio WIDEST = new Ratio(5, 2);

    static final Ratio TALLEST = new Ratio(2, 5);

    String label() {
      return w + ":" + h;
    }

    /** This ratio, or the nearest of 2.5:1 and 1:2.5 when it lies outside them. */
    Ratio clamp() {
      if (w * WIDEST.h > h * WIDEST.w) {
        return WIDEST;
      }
      if (w * TALLEST.h < h * TALLEST.w) {
        return TALLEST;
      }
      return this;
    }

    int width(int shortSide) {
      return w >= h ? even(shortSide * (double) w / h) : shortSide;
    }

    int height(int shortSide) {
      return w >= h ? shortSide : even(shortSide * (double) h / w);
    }

    private static int even(double pixels) {
      return (int) (Math.round(pixels / 2.0) * 2);
    }
  }
}
