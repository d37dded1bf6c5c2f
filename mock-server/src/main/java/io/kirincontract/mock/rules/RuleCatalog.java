package io.kirincontract.mock.rules;

import io.kirincontract.mock.rules.media.ImageAspectRatio;
import io.kirincontract.mock.rules.media.ImageEncoding;
import io.kirincontract.mock.rules.media.ImageFormat;
import io.kirincontract.mock.rules.media.ImageMaxSize;
import io.kirincontract.mock.rules.media.ImageMinDimensions;
import io.kirincontract.mock.rules.media.MediaFields;
import io.kirincontract.mock.rules.media.MediaUrlReachable;
import io.kirincontract.mock.rules.media.VideoDimensions;
import io.kirincontract.mock.rules.media.VideoDurationRange;
import io.kirincontract.mock.rules.media.VideoFormat;
import io.kirincontract.mock.rules.media.VideoFps;
import io.kirincontract.mock.rules.media.VideoMaxSize;
import io.kirincontract.mock.rules.o1.AspectRatioRequiredUnlessFrameOrBase;
import io.kirincontract.mock.rules.o1.DurationFiveOrTen;
import io.kirincontract.mock.rules.o1.DurationIgnoredWithBaseVideo;
import io.kirincontract.mock.rules.o1.EndFrameMaxImages;
import io.kirincontract.mock.rules.o1.EndFrameRequiresFirst;
import io.kirincontract.mock.rules.o1.FramesAtMostOneEach;
import io.kirincontract.mock.rules.o1.FramesNotWithBaseVideo;
import io.kirincontract.mock.rules.o1.ImageListImageRequired;
import io.kirincontract.mock.rules.o1.PromptReferencesResolve;
import io.kirincontract.mock.rules.o1.ReferenceCount;
import io.kirincontract.mock.rules.v3.ImageOneRequired;
import io.kirincontract.mock.rules.v3.MultiPromptRequired;
import io.kirincontract.mock.rules.v3.MultiShotPromptIgnored;
import io.kirincontract.mock.rules.v3.PromptRequiredUnlessMultiShot;
import io.kirincontract.mock.rules.v3.ShotDurationRange;
import io.kirincontract.mock.rules.v3.ShotDurationsSum;
import io.kirincontract.mock.rules.v3.ShotTypeRequired;
import io.kirincontract.mock.rules.v3.SingleShotFieldsIgnored;
import java.util.ArrayList;
import java.util.List;

/** Every rule the mock implements, one object per {@code x-kirin-rules} id. */
public final class RuleCatalog {

  private RuleCatalog() {}

  public static List<Rule> all() {
    List<Rule> rules = new ArrayList<>();
    // V3 text and image to video: prompt and multi-shot
    rules.add(new PromptRequiredUnlessMultiShot());
    rules.add(new MultiShotPromptIgnored());
    rules.add(new ShotTypeRequired());
    rules.add(new MultiPromptRequired());
    rules.add(new ShotDurationRange());
    rules.add(new ShotDurationsSum());
    rules.add(new SingleShotFieldsIgnored());
    // kirin_v3_i2v: images and elements
    rules.add(new ImageOneRequired());
    rules.addAll(images("v3i2v", MediaFields.imageAndTail(), MediaFields.image()));
    rules.add(ElementsKnown.v3i2v());
    // kirin_video_o1
    rules.add(new ImageListImageRequired());
    rules.add(ReferenceCount.withoutVideo());
    rules.add(ReferenceCount.withVideo());
    rules.add(new EndFrameRequiresFirst());
    rules.add(new EndFrameMaxImages());
    rules.add(new FramesAtMostOneEach());
    rules.add(new FramesNotWithBaseVideo());
    rules.add(new AspectRatioRequiredUnlessFrameOrBase());
    rules.add(new DurationFiveOrTen());
    rules.add(new DurationIgnoredWithBaseVideo());
    rules.add(new PromptReferencesResolve());
    rules.add(ElementsKnown.o1());
    rules.addAll(images("o1", MediaFields.o1Images(), MediaFields.o1Images()));
    rules.addAll(videos(MediaFields.o1Videos()));
    // kirin_v2_1_master_i2v
    rules.addAll(images("v21i2v", MediaFields.image(), MediaFields.image()));
    // every model: callback_url
    for (String prefix : List.of("v3", "o1", "v2t2v", "v21i2v")) {
      rules.add(new CallbackUrlDeliverable(prefix + ".callback-url.deliverable"));
    }
    return rules;
  }

  /**
   * The six image rules of a model.
   *
   * @param aspectRatioFields the images the aspect-ratio limit applies to (not kirin_v3_i2v's image_tail)
   */
  private static List<Rule> images(String prefix, MediaFields fields, MediaFields aspectRatioFields) {
    return List.of(
        new ImageEncoding(prefix + ".image.encoding", fields),
        new ImageFormat(prefix + ".image.format", fields),
        new ImageMaxSize(prefix + ".image.max-size", fields),
        new ImageMinDimensions(prefix + ".image.min-dimensions", fields),
        new ImageAspectRatio(prefix + ".image.aspect-ratio", aspectRatioFields),
        MediaUrlReachable.images(prefix + ".image.url-reachable", fields));
  }

  private static List<Rule> videos(MediaFields fields) {
    return List.of(
        new VideoFormat("o1.video.format", fields),
        new VideoMaxSize("o1.video.max-size", fields),
        new VideoDurationRange("o1.video.duration-range", fields),
        new VideoDimensions("o1.video.dimensions", fields),
        new VideoFps("o1.video.fps", fields),
        MediaUrlReachable.videos("o1.video.url-reachable", fields));
  }
}
