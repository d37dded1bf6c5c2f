package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Locale;
import java.util.Optional;

/** {@code o1.video.fps}: 24 to 60 frames per second. */
public final class VideoFps extends MediaRule {

  public VideoFps(String id, MediaFields source) {
    super(id, source, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> info.fps() < 24.0 || info.fps() > 60.0)
        .map(
            info ->
                param + " runs at " + String.format(Locale.ROOT, "%.2f", info.fps())
                    + " fps; the video must run at 24 to 60 fps");
  }
}
