package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Optional;

/** {@code *.image.min-dimensions}: an image is at least 300 px on each side. */
public final class ImageMinDimensions extends MediaRule {

  static final int MIN_SIDE = 300;

  public ImageMinDimensions(String id, MediaFields source) {
    super(id, source, false);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return image(inspection)
        .filter(info -> info.width() < MIN_SIDE || info.height() < MIN_SIDE)
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height() + " px; width and height must each be at least "
                    + MIN_SIDE + " px");
  }
}
