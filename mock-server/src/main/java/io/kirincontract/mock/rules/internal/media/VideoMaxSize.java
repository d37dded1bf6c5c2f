package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code o1.video.max-size}: the video is at most 200 MB. */
public final class VideoMaxSize extends MediaRule {

  public VideoMaxSize(RuleDef def) {
    super(def, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.TooLarge<?> tooLarge) {
      return Optional.of(
          param + " is " + sizeOver(tooLarge.seenBytes(), tooLarge.limitBytes()) + "; a video must be at most "
              + documentSize(tooLarge.limitBytes()));
    }
    return Optional.empty();
  }
}
