package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code v3i2v.image.one-required}: at least one of image and image_tail. */
public final class ImageOneRequired implements Rule {

  @Override
  public String id() {
    return "v3i2v.image.one-required";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().isEmpty("image") && context.request().isEmpty("image_tail")) {
      return List.of(
          new Finding(
              "image",
              "give image (the first frame), image_tail (the end frame) or both, as a URL or base64 data;"
                  + " both are empty"));
    }
    return List.of();
  }
}
