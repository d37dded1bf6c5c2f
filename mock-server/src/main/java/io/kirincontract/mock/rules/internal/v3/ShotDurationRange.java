package io.kirincontract.mock.rules.internal.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** {@code v3.multi-shot.shot-duration-range}: each shot lasts 1 s to the task's duration. */
public final class ShotDurationRange implements Rule {

  @Override
  public String id() {
    return "v3.multi-shot.shot-duration-range";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (!context.request().bool("multi_shot")) {
      return List.of();
    }
    int total = Shots.taskDuration(context.request());
    List<Finding> findings = new ArrayList<>();
    List<JsonNode> shots = context.request().items("multi_prompt");
    for (int i = 0; i < shots.size(); i++) {
      OptionalInt duration = Shots.duration(shots.get(i));
      if (duration.isPresent() && (duration.getAsInt() < 1 || duration.getAsInt() > total)) {
        findings.add(
            new Finding(
                "multi_prompt[" + i + "].duration",
                "multi_prompt[" + i + "].duration is " + duration.getAsInt() + "; each shot lasts at least 1 second"
                    + " and at most the task's duration (" + total + ")"));
      }
    }
    return findings;
  }
}
