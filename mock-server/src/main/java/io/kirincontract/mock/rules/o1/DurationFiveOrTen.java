package io.kirincontract.mock.rules.o1;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.Finding;
import io.kirincontract.mock.rules.RequestView;
import io.kirincontract.mock.rules.Rule;
import io.kirincontract.mock.rules.RuleContext;
import java.util.List;

/** {@code o1.duration.five-or-ten-for-text-and-frames}: text-to-video and first-frame video take 5 or 10 s. */
public final class DurationFiveOrTen implements Rule {

  @Override
  public String id() {
    return "o1.duration.five-or-ten-for-text-and-frames";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    RequestView request = context.request();
    List<JsonNode> images = O1Request.images(request);
    boolean noOtherReferences = O1Request.elements(request).isEmpty() && O1Request.videos(request).isEmpty();
    boolean textToVideo = images.isEmpty() && noOtherReferences;
    boolean frameVideo =
        !images.isEmpty() && O1Request.frames(request).size() == images.size() && noOtherReferences;
    String duration = request.textOrDefault("duration").orElse("5");
    if ((!textToVideo && !frameVideo) || duration.equals("5") || duration.equals("10")) {
      return List.of();
    }
    String kind = textToVideo ? "text-to-video (no images, elements or videos)" : "first-frame video";
    return List.of(
        new Finding(
            "duration",
            "duration is \"" + duration + "\" but " + kind + " takes only \"5\" or \"10\"; durations 3 to 10 need"
                + " reference images, elements or a feature video"));
  }
}
