package io.kirincontract.conformance.clientkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The kit's report: every scenario run and its checks, and each check's verdict over all scenarios (any fail fails,
 * else any pass passes, else not exercised). Assert on it in a test: {@code assertThat(report.failures()).isEmpty()}
 * or {@link #assertNoCheckFailed()}.
 *
 * @param program what was graded: the command line, or a description of the Java program
 * @param startedAt when the kit started
 * @param took how long the kit ran
 * @param thresholds the thresholds the checks judged by
 * @param scenarios the scenarios run, in the order asked for
 */
public record ClientKitReport(
    String program, Instant startedAt, Duration took, Thresholds thresholds, List<ScenarioResult> scenarios) {

  public ClientKitReport {
    scenarios = List.copyOf(scenarios);
  }

  /** The verdict of a check over every scenario that grades it. */
  public Verdict verdict(CheckId check) {
    return Verdict.combine(
        scenarios.stream().flatMap(scenario -> scenario.check(check).stream()).map(CheckResult::verdict).toList());
  }

  /** Each check's verdict over every scenario, in the checks' order. */
  public Map<CheckId, Verdict> verdicts() {
    Map<CheckId, Verdict> verdicts = new TreeMap<>();
    for (CheckId check : CheckId.values()) {
      verdicts.put(check, verdict(check));
    }
    return verdicts;
  }

  /** The checks that failed in some scenario. */
  public List<CheckId> failedChecks() {
    return verdicts().entrySet().stream().filter(entry -> entry.getValue() == Verdict.FAIL)
        .map(Map.Entry::getKey).toList();
  }

  /** The checks that passed (and failed nowhere). */
  public List<CheckId> passedChecks() {
    return verdicts().entrySet().stream().filter(entry -> entry.getValue() == Verdict.PASS)
        .map(Map.Entry::getKey).toList();
  }

  /** Whether no check failed. */
  public boolean passed() {
    return failedChecks().isEmpty();
  }

  public Optional<ScenarioResult> scenario(ClientScenario scenario) {
    return scenarios.stream().filter(result -> result.scenario() == scenario).findFirst();
  }

  /** Every failed check of every scenario, as {@code scenario / check: summary} lines. */
  public List<String> failures() {
    List<String> failures = new ArrayList<>();
    for (ScenarioResult scenario : scenarios) {
      for (CheckResult check : scenario.checks()) {
        if (check.verdict() == Verdict.FAIL) {
          failures.add(scenario.scenario() + " / " + check.check() + ": " + check.summary());
        }
      }
    }
    return failures;
  }

  /**
   * Throws an {@link AssertionError} listing each failed check with its evidence, when any failed.
   */
  public void assertNoCheckFailed() {
    if (passed()) {
      return;
    }
    StringBuilder message = new StringBuilder("client conformance: ").append(failedChecks().size())
        .append(" check(s) failed");
    for (ScenarioResult scenario : scenarios) {
      for (CheckResult check : scenario.checks()) {
        if (check.verdict() == Verdict.FAIL) {
          message.append("\n  ").append(scenario.scenario()).append(" / ").append(check.check()).append(": ")
              .append(check.summary());
          check.evidence().forEach(evidence -> message.append("\n    ").append(evidence));
        }
      }
    }
    throw new AssertionError(message.toString());
  }

  /**
   * {@code client checks: 7 pass, 0 fail, 0 not-exercised} (worded so that a build log reader does not take it for
   * the build's own test count).
   */
  public String summaryLine() {
    Map<CheckId, Verdict> verdicts = verdicts();
    long pass = verdicts.values().stream().filter(Verdict.PASS::equals).count();
    long fail = verdicts.values().stream().filter(Verdict.FAIL::equals).count();
    long none = verdicts.values().stream().filter(Verdict.NOT_EXERCISED::equals).count();
    return "client checks: " + pass + " pass, " + fail + " fail, " + none + " not-exercised";
  }
}
