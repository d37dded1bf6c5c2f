package io.kirincontract.mock.rules.internal.o1;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** {@code o1.frames.at-most-one-each}: at most one first_frame and one end_frame. */
public final class FramesAtMostOneEach implements Rule {

  @Override
  public String id() {
    return "o1.frames.at-most-one-each";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<Finding> findings = new ArrayList<>();
    for (String type : List.of(O1Request.FIRST_FRAME, O1Request.END_FRAME)) {
      List<Integer> indexes = O1Request.framesOfType(context.request(), type);
      for (int extra : indexes.subList(Math.min(1, indexes.size()), indexes.size())) {
        String param = O1Request.typeParam(extra);
        findings.add(
            new Finding(
                param,
                param + " is a second " + type + " (image_list[" + indexes.get(0) + "] is one already);"
                    + " at most one image can be the " + type));
      }
    }
    return findings;
  }
}
