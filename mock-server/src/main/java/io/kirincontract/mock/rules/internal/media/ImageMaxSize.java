package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code *.image.max-size}: an image is at most 10 MB. */
public final class ImageMaxSize extends MediaRule {

  public ImageMaxSize(RuleDef def) {
    super(def, false);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.TooLarge<?> tooLarge) {
      return Optional.of(
          param + " is " + sizeOver(tooLarge.seenBytes(), tooLarge.limitBytes()) + "; an image must be at most "
              + documentSize(tooLarge.limitBytes()));
    }
    return Optional.empty();
  }
}
