package io.kirincontract.conformance.clientkit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How one scenario went: the program's ending, the checks graded, where its output is.
 *
 * @param scenario the scenario
 * @param keyId the public name of the run's key ({@code key_} + 12 hex digits)
 * @param exitCode the program's exit code, or {@code null} when it was stopped at the time limit
 * @param took how long the program ran
 * @param requests how many requests of the key the journal holds
 * @param output the file the program's output went to (in the report directory), or {@code null}
 * @param checks the checks graded, in the scenario's order
 */
public record ScenarioResult(
    ClientScenario scenario,
    String keyId,
    Integer exitCode,
    Duration took,
    int requests,
    String output,
    List<CheckResult> checks) {

  public ScenarioResult {
    checks = List.copyOf(checks);
  }

  public boolean timedOut() {
    return exitCode == null;
  }

  public Optional<CheckResult> check(CheckId check) {
    return checks.stream().filter(result -> result.check() == check).findFirst();
  }

  /** The combined verdict of the scenario's checks. */
  public Verdict verdict() {
    return Verdict.combine(checks.stream().map(CheckResult::verdict).toList());
  }

  /** {@code exit 0}, or {@code stopped at the time limit}. */
  public String ending() {
    return exitCode == null ? "stopped at the time limit" : "exit " + exitCode;
  }
}
