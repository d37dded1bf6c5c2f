package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bounded-retries}: the creates that follow failed creates (429 or 5xx) with no success in between are at
 * most {@link Thresholds#maxRetries()}; and when the last create failed, the program gave up with a non-zero exit
 * code (not stopped at the time limit).
 */
final class BoundedRetries implements Grader {

  private static final CheckId CHECK = CheckId.BOUNDED_RETRIES;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    List<JournalEntry> creates = run.creates();
    List<Evidence> evidence = new ArrayList<>();
    int retries = 0;
    int failuresBefore = 0;
    for (JournalEntry create : creates) {
      retries = Math.max(retries, failuresBefore);
      if (create.isTransientFailure()) {
        if (failuresBefore == 0) {
          evidence.add(new Evidence(create.seq(), create.at(), "create failed " + create.status()));
        }
        failuresBefore++;
      } else {
        if (failuresBefore > 0) {
          evidence.add(new Evidence(create.seq(), create.at(), "create answered " + create.status() + ", retry "
              + failuresBefore + " after failed creates"));
        }
        failuresBefore = 0;
      }
    }
    if (creates.stream().noneMatch(JournalEntry::isTransientFailure)) {
      return CheckResult.notExercised(CHECK, "no create failed");
    }
    JournalEntry last = creates.get(creates.size() - 1);
    boolean endedFailing = last.isTransientFailure();
    if (endedFailing) {
      evidence.add(new Evidence(last.seq(), last.at(), "last create, failed " + last.status() + " ("
          + (failuresBefore - 1) + " retries)"));
      evidence.add(Evidence.of("the program: " + run.ending()));
    }
    if (retries > thresholds.maxRetries()) {
      return CheckResult.fail(CHECK, retries + " creates after consecutive failures (at most "
          + thresholds.maxRetries() + ")", evidence);
    }
    if (endedFailing && (run.timedOut() || run.exitCode() == 0)) {
      return CheckResult.fail(CHECK, "every create failed but the program "
          + (run.timedOut() ? "was stopped at the time limit" : "exited 0"), evidence);
    }
    return CheckResult.pass(CHECK, retries + " create(s) after consecutive failures (at most "
        + thresholds.maxRetries() + ")" + (endedFailing ? ", then gave up: " + run.ending() : ""), evidence);
  }
}
