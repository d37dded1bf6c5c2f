package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code o1.video.fps}: between the rule's {@code min-fps} and {@code max-fps}, judged on the rate rounded to the
 * nearest whole frame (DESIGN §3): 23.976 fps ("24p" camera footage) is 24, 59.94 is 60. The message gives the
 * measured and the rounded rate.
 */
public final class VideoFps extends MediaRule {

  private final long minFps;
  private final long maxFps;

  public VideoFps(RuleDef def) {
    super(def, true);
    this.minFps = Math.round(def.limit("min-fps"));
    this.maxFps = Math.round(def.limit("max-fps"));
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> Math.round(info.fps()) < minFps || Math.round(info.fps()) > maxFps)
        .map(
            info ->
                param + " runs at " + String.format(Locale.ROOT, "%.3f", info.fps()) + " fps ("
                    + Math.round(info.fps()) + " to the nearest whole frame); the video must run at " + minFps + " to "
                    + maxFps + " fps");
  }
}
