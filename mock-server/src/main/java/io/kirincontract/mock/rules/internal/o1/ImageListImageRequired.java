package io.kirincontract.mock.rules.internal.o1;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** {@code o1.image-list.image-required}: every image_list entry carries an image. */
public final class ImageListImageRequired implements Rule {

  @Override
  public String id() {
    return "o1.image-list.image-required";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<JsonNode> images = O1Request.images(context.request());
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < images.size(); i++) {
      JsonNode image = images.get(i);
      if (RequestView.text(image, "image_url").isEmpty() && RequestView.text(image, "image").isEmpty()) {
        findings.add(
            new Finding(
                "image_list[" + i + "].image_url",
                "image_list[" + i + "] has no image; give it in image_url (or in the compatible field image),"
                    + " as a URL or base64 data"));
      }
    }
    return findings;
  }
}
