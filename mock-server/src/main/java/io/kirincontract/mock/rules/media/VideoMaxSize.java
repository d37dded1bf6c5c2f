package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Optional;

/** {@code o1.video.max-size}: the video is at most 200 MB. */
public final class VideoMaxSize extends MediaRule {

  public VideoMaxSize(String id, MediaFields source) {
    super(id, source, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.TooLarge<?> tooLarge) {
      String seen = tooLarge.seenBytes() < 0 ? "larger than the limit" : megabytes(tooLarge.seenBytes());
      return Optional.of(
          param + " is " + seen + "; a video must be at most " + megabytes(tooLarge.limitBytes()) + " ("
              + tooLarge.limitBytes() + " bytes)");
    }
    return Optional.empty();
  }
}
