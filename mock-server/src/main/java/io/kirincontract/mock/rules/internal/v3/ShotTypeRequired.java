package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.List;

/** {@code v3.multi-shot.shot-type-required}: multi_shot needs shot_type. */
public final class ShotTypeRequired implements Rule {

  @Override
  public String id() {
    return "v3.multi-shot.shot-type-required";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().bool("multi_shot") && context.request().isEmpty("shot_type")) {
      return List.of(new Finding("shot_type", "shot_type is required when multi_shot is true; use \"customize\""));
    }
    return List.of();
  }
}
