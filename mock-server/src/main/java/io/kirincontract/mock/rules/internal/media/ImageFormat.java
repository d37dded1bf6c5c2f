package io.kirincontract.mock.rules.internal.media;

import io.kirincontract.mock.media.Inspection;
import io.kirincontract.spec.RuleDef;
import java.util.Optional;

/** {@code *.image.format}: an image is JPEG or PNG by content. */
public final class ImageFormat extends MediaRule {

  public ImageFormat(RuleDef def) {
    super(def, false);
  }

  @Override
  Optional<String> judge(String param, Inspection<?> inspection) {
    if (inspection instanceof Inspection.Unreadable<?> unreadable) {
      return Optional.of(param + " is not a JPEG or PNG image (" + unreadable.reason() + "); send a .jpg or .png");
    }
    return Optional.empty();
  }
}
