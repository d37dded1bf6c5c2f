package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code o1.video.fps}: 24 to 60 frames per second, judged on the rate rounded to the nearest whole frame (DESIGN §3):
 * 23.976 fps ("24p" camera footage) is 24, 59.94 is 60. The message gives the measured and the rounded rate.
 */
public final class VideoFps extends MediaRule {

  public VideoFps(String id, MediaFields source) {
    super(id, source, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> Math.round(info.fps()) < 24 || Math.round(info.fps()) > 60)
        .map(
            info ->
                param + " runs at " + String.format(Locale.ROOT, "%.3f", info.fps()) + " fps ("
                    + Math.round(info.fps()) + " to the nearest whole frame); the video must run at 24 to 60 fps");
  }
}
