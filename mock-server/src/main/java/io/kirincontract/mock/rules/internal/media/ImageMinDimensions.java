package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code *.image.min-dimensions}: an image is at least {@code min-side} px (the rule's limit) on each side. */
public final class ImageMinDimensions extends MediaRule {

  private final int minSide;

  public ImageMinDimensions(RuleDef def) {
    super(def, false);
    this.minSide = (int) def.limit("min-side");
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return image(inspection)
        .filter(info -> info.width() < minSide || info.height() < minSide)
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height() + " px; width and height must each be at least "
                    + minSide + " px");
  }
}
