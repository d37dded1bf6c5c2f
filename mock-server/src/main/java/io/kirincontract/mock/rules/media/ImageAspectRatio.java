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
                    + ratio(info.width(), info.height())
                    + "); the aspect ratio must be between 1:2.5 and 2.5:1");
  }

  /**
   * {@code 2.503:1} or {@code 1:2.503}: at least two decimals, more until the figure no longer reads as the limit
   * itself (751x300 is 2.5033..., not "2.50").
   */
  static String ratio(long width, long height) {
    long longSide = Math.max(width, height);
    long shortSide = Math.min(width, height);
    double value = (double) longSide / shortSide;
    String text = String.format(Locale.ROOT, "%.2f", value);
    for (int decimals = 3; decimals <= 6 && Double.parseDouble(text) == 2.5 && value != 2.5; decimals++) {
      text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    return width >= height ? text + ":1" : "1:" + text;
  }
}
