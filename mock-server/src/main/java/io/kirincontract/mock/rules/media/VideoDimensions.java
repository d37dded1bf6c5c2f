package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Optional;

/** {@code o1.video.dimensions}: width and height each 720 to 2160 px. */
public final class VideoDimensions extends MediaRule {

  public VideoDimensions(String id, MediaFields source) {
    super(id, source, true);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> outside(info.width()) || outside(info.height()))
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height()
                    + " px; width and height must each be between 720 and 2160 px");
  }

  private static boolean outside(int side) {
    return side < 720 || side > 2160;
  }
}
