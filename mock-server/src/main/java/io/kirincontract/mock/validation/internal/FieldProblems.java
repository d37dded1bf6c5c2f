package io.kirincontract.mock.validation.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;

/** Builds per-field problems with the spec's code ({@code x-kirin-error-codes}) and derived rule id. */
final class FieldProblems {

  /** How much of a keyword's own message is kept beside a stated rule's text (it may quote a long value). */
  private static final int DETAIL_LIMIT = 160;

  private final KirinSpec spec;

  public FieldProblems(KirinSpec spec) {
    this.spec = spec;
  }

  /**
   * A keyword that states a rule of {@code x-kirin-rules} ({@code x-kirin-rule-ids}) answers with that rule's id,
   * code and text, the keyword's message after it, shortened.
   *
   * @param keyword the JSON Schema keyword broken, in the spec's camel case ({@code maxLength})
   */
  public Problem problem(String modelId, String param, String keyword, String message) {
    String rule = spec.fieldRuleId(modelId, param, keyword);
    String text =
        spec.rulesFor(modelId).stream()
            .filter(stated -> stated.id().equals(rule))
            .map(RuleDef::text)
            .findFirst()
            .map(ruleText -> param + ": " + ruleText + " (" + shortened(message) + ")")
            .orElse(message);
    return new Problem(spec.fieldCode(modelId, param, keyword), text, param, rule);
  }

  private static String shortened(String message) {
    return message.length() <= DETAIL_LIMIT ? message : message.substring(0, DETAIL_LIMIT) + "...";
  }
}
