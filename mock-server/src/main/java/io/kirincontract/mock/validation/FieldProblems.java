package io.kirincontract.mock.validation;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.KirinSpec;

/** Builds per-field problems with the spec's code ({@code x-kirin-error-codes}) and derived rule id. */
public final class FieldProblems {

  private final KirinSpec spec;

  public FieldProblems(KirinSpec spec) {
    this.spec = spec;
  }

  /**
   * @param keyword the JSON Schema keyword broken, in the spec's camel case ({@code maxLength})
   */
  public Problem problem(String modelId, String param, String keyword, String message) {
    return new Problem(
        spec.fieldCode(modelId, param, keyword), message, param, spec.fieldRuleId(modelId, param, keyword));
  }
}
