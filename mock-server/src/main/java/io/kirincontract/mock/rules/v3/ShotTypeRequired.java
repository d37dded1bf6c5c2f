package io.kirincontract.mock.rules.v3;

import io.kirincontract.mock.rules.Finding;
import io.kirincontract.mock.rules.Rule;
import io.kirincontract.mock.rules.RuleContext;
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
