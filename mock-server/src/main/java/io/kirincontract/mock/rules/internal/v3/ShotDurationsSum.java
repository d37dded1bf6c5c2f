package io.kirincontract.mock.rules.internal.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;
import java.util.OptionalInt;

/** {@code v3.multi-shot.durations-sum}: the shots add up to the task's duration. */
public final class ShotDurationsSum implements Rule {

  @Override
  public String id() {
    return "v3.multi-shot.durations-sum";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    List<JsonNode> shots = context.request().items("multi_prompt");
    if (!context.request().bool("multi_shot") || shots.isEmpty()) {
      return List.of();
    }
    int total = Shots.taskDuration(context.request());
    int sum = 0;
    for (JsonNode shot : shots) {
      OptionalInt duration = Shots.duration(shot);
      if (duration.isEmpty()) {
        return List.of();
      }
      sum += duration.getAsInt();
    }
    if (sum == total) {
      return List.of();
    }
    return List.of(
        new Finding(
            "multi_prompt",
            "the shot durations add up to " + sum + " but duration is " + total
                + "; make them add up to the task's duration"));
  }
}
