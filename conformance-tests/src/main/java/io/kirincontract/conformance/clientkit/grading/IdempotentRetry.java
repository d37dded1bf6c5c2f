package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code idempotent-retry}: after a create whose answer was lost (the task made), exactly one task exists for the
 * run, and the client came back for it: it created again with the same {@code external_task_id}, or looked the task
 * up. A client that gave up on the lost answer leaves a task it never follows, and fails too.
 */
final class IdempotentRetry implements Grader {

  private static final CheckId CHECK = CheckId.IDEMPOTENT_RETRY;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    Optional<JournalEntry> lostAnswer =
        run.entries().stream().filter(entry -> entry.stub() != null && run.lostAnswerStubs().contains(entry.stub()))
            .findFirst();
    if (lostAnswer.isEmpty()) {
      return CheckResult.notExercised(CHECK, "no create's answer was lost");
    }
    JournalEntry lost = lostAnswer.get();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(lost.seq(), lost.at(), "create made task " + lost.taskId() + ", answer lost"
        + (lost.externalTaskId() == null ? " (no external_task_id)" : " (external_task_id " + lost.externalTaskId()
            + ")")));
    if (run.tasks().size() > 1) {
      for (JournalEntry create : run.creates()) {
        if (create.taskId() != null && create.seq() != lost.seq()) {
          evidence.add(new Evidence(create.seq(), create.at(), "another task made: " + create.taskId()
              + (create.externalTaskId() == null ? " (no external_task_id)"
                  : " (external_task_id " + create.externalTaskId() + ")")));
        }
      }
      return CheckResult.fail(CHECK, run.tasks().size() + " tasks exist for one run: the retry made a new task",
          evidence);
    }
    for (JournalEntry later : run.after(lost)) {
      if (comesBackFor(later, lost, run)) {
        evidence.add(new Evidence(later.seq(), later.at(), later.isCreate()
            ? "created again with the same external_task_id (answered " + later.status() + ")"
            : "looked the task up (" + later.method() + " " + later.path() + ", answered " + later.status() + ")"));
        return CheckResult.pass(CHECK, "one task for the run; the client came back for it (" + run.ending() + ")",
            evidence);
      }
    }
    evidence.add(Evidence.of("nothing followed for that task; " + run.ending()));
    return CheckResult.fail(CHECK, "the client gave up on the lost answer: the task it made was never retried with"
        + " the same external_task_id nor looked up", evidence);
  }

  private static boolean comesBackFor(JournalEntry later, JournalEntry lost, RunRecord run) {
    if (later.isCreate()) {
      return lost.externalTaskId() != null && Objects.equals(lost.externalTaskId(), later.externalTaskId());
    }
    if (later.isPoll()) {
      Optional<String> task = run.taskOf(later);
      return task.isPresent() && (lost.taskId() == null || task.get().equals(lost.taskId()))
          || lost.externalTaskId() != null && lost.externalTaskId().equals(later.externalTaskId());
    }
    return false;
  }
}
