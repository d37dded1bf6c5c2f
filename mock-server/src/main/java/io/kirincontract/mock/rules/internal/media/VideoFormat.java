package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code o1.video.format}: the video is MP4 or MOV by content. */
public final class VideoFormat extends MediaRule {

  public VideoFormat(RuleDef def) {
    super(def, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.Unreadable<?> unreadable) {
      return Optional.of(param + " is not an MP4 or MOV video (" + unreadable.reason() + ")");
    }
    if (inspection instanceof Inspection.Malformed<?> malformed) {
      return Optional.of(param + " is not a video URL (" + malformed.reason() + ")");
    }
    return Optional.empty();
  }
}
