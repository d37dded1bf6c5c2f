package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Locale;
import java.util.Optional;

/** {@code o1.video.duration-range}: the video lasts 3 to 10 seconds. */
public final class VideoDurationRange extends MediaRule {

  public VideoDurationRange(String id, MediaFields source) {
    super(id, source, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> info.durationSeconds() < 3.0 || info.durationSeconds() > 10.0)
        .map(
            info ->
                param + " lasts " + String.format(Locale.ROOT, "%.2f", info.durationSeconds())
                    + " s; the video must last 3 to 10 seconds");
  }
}
