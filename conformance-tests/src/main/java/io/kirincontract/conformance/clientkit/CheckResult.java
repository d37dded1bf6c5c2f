package io.kirincontract.conformance.clientkit;

import java.util.List;

/**
 * The verdict of one check on one run, with a one-line summary and the evidence (journal entries and times).
 */
public record CheckResult(CheckId check, Verdict verdict, String summary, List<Evidence> evidence) {

  public CheckResult {
    evidence = List.copyOf(evidence);
  }

  public static CheckResult pass(CheckId check, String summary, List<Evidence> evidence) {
    return new CheckResult(check, Verdict.PASS, summary, evidence);
  }

  public static CheckResult fail(CheckId check, String summary, List<Evidence> evidence) {
    return new CheckResult(check, Verdict.FAIL, summary, evidence);
  }

  public static CheckResult notExercised(CheckId check, String summary) {
    return new CheckResult(check, Verdict.NOT_EXERCISED, summary, List.of());
  }

  @Override
  public String toString() {
    return check + ": " + verdict + " (" + summary + ")";
  }
}
