package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Locale;
import java.util.Optional;

/** {@code o1.video.duration-range}: the video lasts the rule's {@code min-seconds} to {@code max-seconds}. */
public final class VideoDurationRange extends MediaRule {

  private final double minSeconds;
  private final double maxSeconds;

  public VideoDurationRange(RuleDef def) {
    super(def, true);
    this.minSeconds = def.limit("min-seconds");
    this.maxSeconds = def.limit("max-seconds");
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> info.durationSeconds() < minSeconds || info.durationSeconds() > maxSeconds)
        .map(
            info ->
                param + " lasts " + String.format(Locale.ROOT, "%.2f", info.durationSeconds())
                    + " s; the video must last " + number(minSeconds) + " to " + number(maxSeconds) + " seconds");
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }
}
