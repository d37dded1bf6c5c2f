package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code *.image.aspect-ratio}: an image's aspect ratio is between 1:{@code max-ratio} and {@code max-ratio}:1 (the
 * rule's limit, inclusive).
 */
public final class ImageAspectRatio extends MediaRule {

  private final double maxRatio;
  private final String limit;

  public ImageAspectRatio(RuleDef def) {
    super(def, false);
    this.maxRatio = def.limit("max-ratio");
    this.limit = def.limits().get("max-ratio");
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return image(inspection)
        .filter(info -> info.width() > 0 && info.height() > 0)
        .filter(info -> info.width() > maxRatio * info.height() || info.height() > maxRatio * info.width())
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height() + " px (aspect ratio "
                    + ratio(info.width(), info.height())
                    + "); the aspect ratio must be between 1:" + limit + " and " + limit + ":1");
  }

  /**
   * {@code 2.503:1} or {@code 1:2.503}: at least two decimals, more until the figure no longer reads as the limit
   * itself (751x300 is 2.5033..., not "2.50").
   */
  private String ratio(long width, long height) {
    long longSide = Math.max(width, height);
    long shortSide = Math.min(width, height);
    double value = (double) longSide / shortSide;
    String text = String.format(Locale.ROOT, "%.2f", value);
    for (int decimals = 3; decimals <= 6 && Double.parseDouble(text) == maxRatio && value != maxRatio; decimals++) {
      text = String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
    return width >= height ? text + ":1" : "1:" + text;
  }
}
