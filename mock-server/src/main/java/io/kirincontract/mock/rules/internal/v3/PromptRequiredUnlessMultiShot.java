package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code v3.prompt.required-unless-multi-shot}: a single-shot V3 request needs a prompt. */
public final class PromptRequiredUnlessMultiShot implements Rule {

  @Override
  public String id() {
    return "v3.prompt.required-unless-multi-shot";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().bool("multi_shot") || !context.request().isEmpty("prompt")) {
      return List.of();
    }
    return List.of(
        new Finding(
            "prompt",
            "prompt must not be empty when multi_shot is false (the default); give a prompt of 1 to 2500 characters"
                + " or set multi_shot to true with multi_prompt"));
  }
}
