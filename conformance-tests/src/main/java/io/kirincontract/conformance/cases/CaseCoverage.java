package io.kirincontract.conformance.cases;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trace between the spec and the case files: every rule of {@code x-kirin-rules} has, for every model it
 * applies to, at least one case that breaks it and one at its passing edge; every case names a rule of the spec
 * that applies to the case's model.
 */
public final class CaseCoverage {

  private CaseCoverage() {}

  /** A gap: the rule id (or case rule) it concerns, the model, and what is wrong. */
  public record Gap(String rule, String model, String problem) {
    @Override
    public String toString() {
      return rule + " [" + model + "]: " + problem;
    }
  }

  public static List<Gap> gaps(KirinSpec spec, Map<String, CaseFiles.CaseFile> files) {
    List<Gap> gaps = new ArrayList<>();
    for (RuleDef rule : spec.rules()) {
      for (String model : rule.models()) {
        List<RuleCase> cases = files.containsKey(model) ? files.get(model).cases() : List.of();
        for (RuleCase.Kind kind : RuleCase.Kind.values()) {
          boolean covered = cases.stream().anyMatch(c -> c.rule().equals(rule.id()) && c.kind() == kind);
          if (!covered) {
            gaps.add(new Gap(rule.id(), model, "no " + kind.label() + " case in cases/" + model + ".yaml"));
          }
        }
      }
    }
    for (CaseFiles.CaseFile file : files.values()) {
      for (RuleCase c : file.cases()) {
        var rule = spec.rule(c.rule());
        if (rule.isEmpty()) {
          gaps.add(new Gap(c.rule(), c.model(), "a case names a rule id that is not in the spec's x-kirin-rules"));
        } else if (!rule.get().appliesTo(c.model())) {
          gaps.add(new Gap(c.rule(), c.model(), "a case names a rule that does not apply to this model"));
        }
      }
    }
    return gaps;
  }
}
