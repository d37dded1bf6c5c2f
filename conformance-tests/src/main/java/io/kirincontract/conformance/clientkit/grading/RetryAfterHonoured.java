package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code retry-after-honoured}: after an answer with {@code Retry-After} (an armed stub's), the key's next request
 * comes no sooner than that, counted from when the answer went out, less the tolerance.
 */
final class RetryAfterHonoured implements Grader {

  private static final CheckId CHECK = CheckId.RETRY_AFTER_HONOURED;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    List<Evidence> evidence = new ArrayList<>();
    int judged = 0;
    int early = 0;
    for (JournalEntry answer : run.entries()) {
      Duration retryAfter = answer.stub() == null ? null : run.retryAfterByStub().get(answer.stub());
      if (retryAfter == null) {
        continue;
      }
      List<JournalEntry> later = run.after(answer);
      if (later.isEmpty()) {
        evidence.add(new Evidence(answer.seq(), answer.at(),
            answer.status() + " with Retry-After " + Times.seconds(retryAfter) + "; no request followed"));
        continue;
      }
      JournalEntry next = later.get(0);
      Duration gap = answer.gapTo(next);
      judged++;
      boolean tooSoon = gap.compareTo(retryAfter.minus(thresholds.retryAfterTolerance())) < 0;
      if (tooSoon) {
        early++;
      }
      evidence.add(new Evidence(answer.seq(), answer.at(),
          answer.status() + " with Retry-After " + Times.seconds(retryAfter)));
      evidence.add(new Evidence(next.seq(), next.at(), "next request, " + Times.seconds(gap) + " after the answer"
          + (tooSoon ? ": too soon" : "")));
    }
    if (judged == 0) {
      return CheckResult.notExercised(CHECK, evidence.isEmpty()
          ? "no answer with Retry-After was served to the key"
          : "no request followed the answer with Retry-After (" + run.ending() + ")");
    }
    return early == 0
        ? CheckResult.pass(CHECK, "waited as asked after " + judged + " answer(s) with Retry-After", evidence)
        : CheckResult.fail(CHECK, early + " of " + judged + " request(s) came before Retry-After had passed"
            + " (tolerance " + Times.seconds(thresholds.retryAfterTolerance()) + ")", evidence);
  }
}
