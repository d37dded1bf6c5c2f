package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code o1.frames.end-requires-first}: an end frame needs a first frame. */
public final class EndFrameRequiresFirst implements Rule {

  @Override
  public String id() {
    return "o1.frames.end-requires-first";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Integer> ends = O1Request.framesOfType(context.request(), O1Request.END_FRAME);
    if (ends.isEmpty() || !O1Request.framesOfType(context.request(), O1Request.FIRST_FRAME).isEmpty()) {
      return List.of();
    }
    String param = O1Request.typeParam(ends.get(0));
    return List.of(
        new Finding(param, param + " is end_frame but no image is first_frame; an end frame alone is not supported"));
  }
}
