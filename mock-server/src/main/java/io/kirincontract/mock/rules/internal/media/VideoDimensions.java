package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code o1.video.dimensions}: width and height each between the rule's {@code min-side} and {@code max-side}. */
public final class VideoDimensions extends MediaRule {

  private final int minSide;
  private final int maxSide;

  public VideoDimensions(RuleDef def) {
    super(def, true);
    this.minSide = (int) def.limit("min-side");
    this.maxSide = (int) def.limit("max-side");
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    return video(inspection)
        .filter(info -> outside(info.width()) || outside(info.height()))
        .map(
            info ->
                param + " is " + info.width() + "x" + info.height() + " px; width and height must each be between "
                    + minSide + " and " + maxSide + " px");
  }

  private boolean outside(int side) {
    return side < minSide || side > maxSide;
  }
}
