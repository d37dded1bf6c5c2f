package io.kirincontract.conformance.clientkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code no-retry-on-4xx}: a request with a body refused with a 4xx (not 408 or 429) is never sent again unchanged
 * (same method, path and body) by the key. A new {@code external_task_id} alone does not make a body changed (a
 * client that makes one per attempt still resends what was refused), unless the refusal was about that field.
 */
final class NoRetryOn4xx implements Grader {

  private static final CheckId CHECK = CheckId.NO_RETRY_ON_4XX;
  private static final String EXTERNAL_TASK_ID = "external_task_id";

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    List<Evidence> evidence = new ArrayList<>();
    int refused = 0;
    int repeats = 0;
    for (JournalEntry refusal : run.entries()) {
      if (!refusal.isRefusal() || refusal.body() == null) {
        continue;
      }
      if (isRepeatOfEarlierRefusal(run, refusal)) {
        continue;
      }
      refused++;
      evidence.add(new Evidence(refusal.seq(), refusal.at(), "refused " + refusal.status()
          + (refusal.errorCode() == null ? "" : " " + refusal.errorCode())
          + (refusal.rule() == null ? "" : " (rule " + refusal.rule() + ")")));
      for (JournalEntry later : run.after(refusal)) {
        if (sameRequest(refusal, later)) {
          repeats++;
          evidence.add(new Evidence(later.seq(), later.at(), "the same body sent again, "
              + Times.seconds(refusal.gapTo(later)) + " after the refusal (answered " + later.status() + ")"));
        }
      }
    }
    if (refused == 0) {
      return CheckResult.notExercised(CHECK, "no request with a body was refused with a 4xx");
    }
    return repeats == 0
        ? CheckResult.pass(CHECK, "the refused body was not sent again (" + run.ending() + ")", evidence)
        : CheckResult.fail(CHECK, "a refused body was sent again unchanged " + repeats + " time(s)", evidence);
  }

  private static boolean isRepeatOfEarlierRefusal(RunRecord run, JournalEntry refusal) {
    return run.entries().stream()
        .anyMatch(earlier -> earlier.seq() < refusal.seq() && earlier.isRefusal() && sameRequest(earlier, refusal));
  }

  private static boolean sameRequest(JournalEntry refusal, JournalEntry later) {
    return Objects.equals(refusal.method(), later.method()) && Objects.equals(refusal.path(), later.path())
        && Objects.equals(comparable(refusal.body(), refusal), comparable(later.body(), refusal));
  }

  private static JsonNode comparable(JsonNode body, JournalEntry refusal) {
    boolean aboutExternalId = refusal.rule() != null && refusal.rule().contains(EXTERNAL_TASK_ID);
    if (body instanceof ObjectNode object && object.has(EXTERNAL_TASK_ID) && !aboutExternalId) {
      ObjectNode copy = object.deepCopy();
      copy.remove(EXTERNAL_TASK_ID);
      return copy;
    }
    return body;
  }
}
