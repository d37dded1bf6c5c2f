package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code server-error-retried}: after a 5xx answer to a create, the client created again, the create was accepted,
 * and the client followed the task to its end (its final status was served to the key).
 */
final class ServerErrorRetried implements Grader {

  private static final CheckId CHECK = CheckId.SERVER_ERROR_RETRIED;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    Optional<JournalEntry> serverError = run.creates().stream().filter(create -> create.status() >= 500).findFirst();
    if (serverError.isEmpty()) {
      return CheckResult.notExercised(CHECK, "no create was answered with a 5xx");
    }
    JournalEntry failure = serverError.get();
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(new Evidence(failure.seq(), failure.at(), "create answered " + failure.status()));
    List<JournalEntry> retries = run.after(failure).stream().filter(JournalEntry::isCreate).toList();
    if (retries.isEmpty()) {
      evidence.add(Evidence.of("no create followed; " + run.ending()));
      return CheckResult.fail(CHECK, "the client did not try again after the " + failure.status(), evidence);
    }
    JournalEntry retry = retries.get(0);
    evidence.add(new Evidence(retry.seq(), retry.at(),
        "created again " + Times.seconds(failure.gapTo(retry)) + " later (answered " + retry.status() + ")"));
    Optional<JournalEntry> accepted = retries.stream().filter(create -> create.status() == 200).findFirst();
    if (accepted.isEmpty()) {
      return CheckResult.fail(CHECK, "tried again but no create was accepted; " + run.ending(), evidence);
    }
    for (TaskFacts task : run.tasks()) {
      Optional<JournalEntry> end = FinalStatus.firstServed(run, task);
      if (end.isPresent()) {
        evidence.add(new Evidence(end.get().seq(), end.get().at(),
            "task " + task.taskId() + " " + task.finalStatus() + ", served to the client"));
        return CheckResult.pass(CHECK, "tried again after the " + failure.status() + " and followed the task to "
            + task.finalStatus() + " (" + run.ending() + ")", evidence);
      }
    }
    evidence.add(Evidence.of("no poll was answered with the task's final status; " + run.ending()));
    return CheckResult.fail(CHECK, "tried again but did not follow the task to its end", evidence);
  }
}
