package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code v3.multi-shot.multi-prompt-required}: customised multi-shot needs at least one shot. */
public final class MultiPromptRequired implements Rule {

  @Override
  public String id() {
    return "v3.multi-shot.multi-prompt-required";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    boolean customize = context.request().text("shot_type").filter("customize"::equals).isPresent();
    if (context.request().bool("multi_shot") && customize && context.request().items("multi_prompt").isEmpty()) {
      return List.of(
          new Finding(
              "multi_prompt",
              "multi_prompt must hold 1 to 6 shots when multi_shot is true and shot_type is customize"));
    }
    return List.of();
  }
}
