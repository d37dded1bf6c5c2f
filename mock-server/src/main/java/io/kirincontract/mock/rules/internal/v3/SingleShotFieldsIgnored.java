package io.kirincontract.mock.rules.internal.v3;

import io.kirincontract.mock.rules.internal.Finding;
import io.kirincontract.mock.rules.internal.Rule;
import io.kirincontract.mock.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;

/** {@code v3.single-shot.shot-fields-ignored}: without multi_shot, shot_type and multi_prompt are ignored. */
public final class SingleShotFieldsIgnored implements Rule {

  @Override
  public String id() {
    return "v3.single-shot.shot-fields-ignored";
  }

  @Override
  public List<Finding> check(RuleContext context) {
    if (context.request().bool("multi_shot")) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (String field : List.of("shot_type", "multi_prompt")) {
      if (context.request().has(field)) {
        findings.add(new Finding(field, field + " is ignored when multi_shot is false"));
      }
    }
    return findings;
  }
}
