package io.kirincontract.conformance.report;

/**
 * The outcome of one test of the run.
 *
 * @param name the test's display name
 * @param rule the rule id the test is about, or {@code null} for other checks
 * @param model the model, or {@code null}
 * @param outcome passed, failed or skipped
 * @param message the failure message or skip reason, else empty
 */
public record CaseResult(String name, String rule, String model, Outcome outcome, String message) {

  /** How a test ended. */
  public enum Outcome {
    PASSED,
    FAILED,
    SKIPPED
  }
}
