package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code o1.frames.end-frame-max-images}: no end frame with more than 2 images. */
public final class EndFrameMaxImages implements Rule {

  @Override
  public String id() {
    return "o1.frames.end-frame-max-images";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Integer> ends = O1Request.framesOfType(context.request(), O1Request.END_FRAME);
    int images = O1Request.images(context.request()).size();
    if (ends.isEmpty() || images <= 2) {
      return List.of();
    }
    String param = O1Request.typeParam(ends.get(0));
    return List.of(
        new Finding(
            param,
            param + " is end_frame but image_list holds " + images
                + " images; an end frame is supported only with at most 2 images"));
  }
}
