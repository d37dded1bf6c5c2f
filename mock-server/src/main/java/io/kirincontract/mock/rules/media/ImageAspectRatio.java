package io.kirincontract.mock.rules.media;

import io.kirincontract.mock.media.Inspection;
import java.util.Locale;
import java.util.Optional;

/** {@code *.image.aspect-ratio}: an image's aspect ratio is between 1:2.5 and 2.5:1 (inclusive). */
public final class ImageAspectRatio extends MediaRule {

  public ImageAspectRatio(String id, MediaFields source) {
    super(id, source, false);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return image(inspection)
        .filter(info -> info.width() > 0 && info.height() > 0)
        .filter(info -> 2L * info.width() > 5L * info.height() || 2L * info.height() > 5L * info.width())
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height() + " px (aspect ratio "
                    + String.format(Locale.ROOT, "%.2f", (double) info.width() / info.height())
                    + ":1); the aspect ratio must be between 1:2.5 and 2.5:1");
  }
}
