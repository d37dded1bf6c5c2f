package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code v3.multi-shot.prompt-ignored}: with multi_shot, prompt is ignored. */
public final class MultiShotPromptIgnored implements Rule {

  @Override
  public String id() {
    return "v3.multi-shot.prompt-ignored";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().bool("multi_shot") && context.request().has("prompt")) {
      return List.of(new Finding("prompt", "prompt is ignored when multi_shot is true; the shots' prompts are used"));
    }
    return List.of();
  }
}
