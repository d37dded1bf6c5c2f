package io.kirincontract.mock.rules.internal;

import io.kirincontract.mock.rules.internal.media.ImageAspectRatio;
import io.kirincontract.mock.rules.internal.media.ImageEncoding;
import io.kirincontract.mock.rules.internal.media.ImageFormat;
import io.kirincontract.mock.rules.internal.media.ImageMaxSize;
import io.kirincontract.mock.rules.internal.media.ImageMinDimensions;
import io.kirincontract.mock.rules.internal.media.MediaUrlReachable;
import io.kirincontract.mock.rules.internal.media.VideoDimensions;
import io.kirincontract.mock.rules.internal.media.VideoDurationRange;
import io.kirincontract.mock.rules.internal.media.VideoFormat;
import io.kirincontract.mock.rules.internal.media.VideoFps;
import io.kirincontract.mock.rules.internal.media.VideoMaxSize;
import io.kirincontract.mock.rules.internal.o1.AspectRatioRequiredUnlessFrameOrBase;
import io.kirincontract.mock.rules.internal.o1.DurationIgnoredWithBaseVideo;
import io.kirincontract.mock.rules.internal.o1.EndFrameMaxImages;
import io.kirincontract.mock.rules.internal.o1.EndFrameRequiresFirst;
import io.kirincontract.mock.rules.internal.o1.FramesAtMostOneEach;
import io.kirincontract.mock.rules.internal.o1.FramesNotWithBaseVideo;
import io.kirincontract.mock.rules.internal.o1.ImageListImageRequired;
import io.kirincontract.mock.rules.internal.o1.PromptReferencesResolve;
import io.kirincontract.mock.rules.internal.o1.ReferenceCount;
import io.kirincontract.mock.rules.internal.v3.ImageOneRequired;
import io.kirincontract.mock.rules.internal.v3.MultiPromptRequired;
import io.kirincontract.mock.rules.internal.v3.MultiShotPromptIgnored;
import io.kirincontract.mock.rules.internal.v3.PromptRequiredUnlessMultiShot;
import io.kirincontract.mock.rules.internal.v3.ShotDurationRange;
import io.kirincontract.mock.rules.internal.v3.ShotDurationsSum;
import io.kirincontract.mock.rules.internal.v3.ShotTypeRequired;
import io.kirincontract.mock.rules.internal.v3.SingleShotFieldsIgnored;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every rule the mock implements, one object per {@code x-kirin-rules} id. The media and callback rules are the same
 * check for every model, so they are made for each spec id with their suffix ({@code .image.min-dimensions}), over
 * the fields of the entry's {@code params} and with its {@code limits}; the others are listed here.
 */
public final class RuleCatalog {

  /** The check behind each suffix of a per-model rule id, built from the spec's entry. */
  private static final Map<String, Function<RuleDef, Rule>> BY_SUFFIX =
      Map.ofEntries(
          Map.entry(".image.encoding", ImageEncoding::new),
          Map.entry(".image.format", ImageFormat::new),
          Map.entry(".image.max-size", ImageMaxSize::new),
          Map.entry(".image.min-dimensions", ImageMinDimensions::new),
          Map.entry(".image.aspect-ratio", ImageAspectRatio::new),
          Map.entry(".image.url-reachable", MediaUrlReachable::images),
          Map.entry(".video.format", VideoFormat::new),
          Map.entry(".video.max-size", VideoMaxSize::new),
          Map.entry(".video.duration-range", VideoDurationRange::new),
          Map.entry(".video.dimensions", VideoDimensions::new),
          Map.entry(".video.fps", VideoFps::new),
          Map.entry(".video.url-reachable", MediaUrlReachable::videos),
          Map.entry(".callback-url.deliverable", def -> new CallbackUrlDeliverable(def.id())));

  private RuleCatalog() {}

  public static List<Rule> all(KirinSpec spec) {
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
    rules.add(new DurationForTaskKind("o1.duration.five-or-ten-for-text-and-frames"));
    rules.add(new DurationIgnoredWithBaseVideo());
    rules.add(new PromptReferencesResolve());
    rules.add(ElementsKnown.o1());
    // every model: media and callback_url, by suffix
    for (RuleDef def : spec.rules()) {
      BY_SUFFIX.entrySet().stream()
          .filter(suffix -> def.id().endsWith(suffix.getKey()))
          .findFirst()
          .ifPresent(suffix -> rules.add(suffix.getValue().apply(def)));
    }
    return rules;
  }
}
