package io.kirincontract.client.requests;

import io.kirincontract.client.model.ElementReference;
import io.kirincontract.client.model.KirinVideoO1Request;
import io.kirincontract.client.model.O1ImageReference;
import io.kirincontract.client.model.O1VideoReference;
import io.kirincontract.client.model.VideoGenerationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code kirin_video_o1}: the O1 omni model. Text to video, reference images and subjects, first and end
 * frames, a feature reference video or a video to edit. {@code duration} is one of {@link #allowedDurations()};
 * some task kinds take fewer ({@code profile().durationsFor("text_to_video")}), and a video edit ignores it (best
 * left unset: the output takes the input video's duration). Modes and the server's defaults: {@link #profile()}.
 */
public final class VideoO1RequestBuilder extends RequestBuilder<VideoO1RequestBuilder> {


  private String prompt;
  private final List<O1ImageReference> images = new ArrayList<>();
  private final List<O1VideoReference> videos = new ArrayList<>();
  private final List<ElementReference> elements = new ArrayList<>();
  private Mode mode;
  private AspectRatio aspectRatio;

  /** A new builder; {@link io.kirincontract.client.KirinRequests} is the usual way in. */
  public VideoO1RequestBuilder() {}

  @Override
  public String model() {
    return KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1.getValue();
  }

  /**
   * The prompt (its length limits are the spec's, on the generated request class). Refer to list entries by position: {@code <<<image_1>>>}, {@code
   * <<<element_1>>>}, {@code <<<video_1>>>}.
   */
  public VideoO1RequestBuilder prompt(String prompt) {
    this.prompt = Objects.requireNonNull(prompt, "prompt");
    return this;
  }

  /** Appends a reference image (subject, scene or style) to {@code image_list}: a URL or base64. */
  public VideoO1RequestBuilder referenceImage(String urlOrBase64) {
    return image(Objects.requireNonNull(urlOrBase64, "image"), null);
  }

  /** Appends the first frame to {@code image_list}: a URL or base64. */
  public VideoO1RequestBuilder firstFrame(String urlOrBase64) {
    return image(Objects.requireNonNull(urlOrBase64, "firstFrame"), O1ImageReference.TypeEnum.FIRST_FRAME);
  }

  /** Appends the end frame to {@code image_list} (needs a first frame): a URL or base64. */
  public VideoO1RequestBuilder endFrame(String urlOrBase64) {
    return image(Objects.requireNonNull(urlOrBase64, "endFrame"), O1ImageReference.TypeEnum.END_FRAME);
  }

  /** Appends a copy of a generated image reference to {@code image_list}; its unset fields stay unset. */
  public VideoO1RequestBuilder image(O1ImageReference image) {
    Objects.requireNonNull(image, "image");
    images.add(
        new O1ImageReference().imageUrl(image.getImageUrl()).image(image.getImage()).type(image.getType()));
    return this;
  }

  private VideoO1RequestBuilder image(String imageUrl, O1ImageReference.TypeEnum type) {
    images.add(new O1ImageReference().imageUrl(imageUrl).type(type));
    return this;
  }

  /** Appends a subject of the subject library to {@code element_list}. */
  public VideoO1RequestBuilder element(long elementId) {
    elements.add(new ElementReference().elementId(elementId));
    return this;
  }

  /**
   * Appends a reference video to {@code video_list}, without {@code refer_type} (the server takes {@code
   * base}).
   */
  public VideoO1RequestBuilder video(String videoUrl) {
    return video(videoUrl, null, null);
  }

  /** Appends a reference video to {@code video_list} with its {@code refer_type}. */
  public VideoO1RequestBuilder video(String videoUrl, VideoReferType referType) {
    return video(videoUrl, Objects.requireNonNull(referType, "referType"), null);
  }

  /** Appends a reference video with its {@code refer_type} and {@code keep_original_sound}. */
  public VideoO1RequestBuilder video(String videoUrl, VideoReferType referType, boolean keepOriginalSound) {
    Objects.requireNonNull(referType, "referType");
    return video(videoUrl, referType, Boolean.valueOf(keepOriginalSound));
  }

  private VideoO1RequestBuilder video(String videoUrl, VideoReferType referType, Boolean keepOriginalSound) {
    videos.add(
        new O1VideoReference()
            .videoUrl(Objects.requireNonNull(videoUrl, "videoUrl"))
            // null overrides the generated default (base) and is not sent
            .referType(
                GeneratedEnums.of(
                    O1VideoReference.ReferTypeEnum.class,
                    referType == null ? null : referType.value(),
                    "refer_type"))
            .keepOriginalSound(
                GeneratedEnums.of(
                    O1VideoReference.KeepOriginalSoundEnum.class,
                    keepOriginalSound == null ? null : keepOriginalSound ? "yes" : "no",
                    "keep_original_sound")));
    return this;
  }

  /**
   * {@code mode}. The output resolution of each: {@code profile().output().resolution(mode.value())}; the server's
   * default: {@code profile().defaultMode()}.
   */
  public VideoO1RequestBuilder mode(Mode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** {@code aspect_ratio}; required unless a first frame or a video to edit is given. */
  public VideoO1RequestBuilder aspectRatio(AspectRatio aspectRatio) {
    this.aspectRatio = Objects.requireNonNull(aspectRatio, "aspectRatio");
    return this;
  }

  @Override
  public VideoGenerationRequest build() {
    // Every field is assigned, null included: null overrides the generated class's default and is not sent.
    KirinVideoO1Request request =
        new KirinVideoO1Request()
            .model(KirinVideoO1Request.ModelEnum.KIRIN_VIDEO_O1)
            .prompt(prompt)
            .imageList(listOrNull(images))
            .videoList(listOrNull(videos))
            .elementList(listOrNull(elements))
            .mode(
                GeneratedEnums.of(
                    KirinVideoO1Request.ModeEnum.class, mode == null ? null : mode.value(), "mode"))
            .aspectRatio(
                GeneratedEnums.of(
                    KirinVideoO1Request.AspectRatioEnum.class,
                    aspectRatio == null ? null : aspectRatio.value(),
                    "aspect_ratio"))
            .duration(GeneratedEnums.of(KirinVideoO1Request.DurationEnum.class, duration, "duration"))
            .watermarkInfo(watermarkInfo())
            .callbackUrl(callbackUrl)
            .externalTaskId(externalTaskId);
    return new VideoGenerationRequest(request);
  }
}
