package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code stops-at-terminal}: no poll of a task after its final status ({@code completed}, {@code failed}) was served. */
final class StopsAtTerminal implements Grader {

  private static final CheckId CHECK = CheckId.STOPS_AT_TERMINAL;

  @Override
  public CheckResult grade(RunRecord run, Thresholds thresholds) {
    List<Evidence> evidence = new ArrayList<>();
    int judged = 0;
    int extra = 0;
    for (TaskFacts task : run.tasks()) {
      Optional<JournalEntry> served = FinalStatus.firstServed(run, task);
      if (served.isEmpty()) {
        continue;
      }
      judged++;
      JournalEntry end = served.get();
      evidence.add(new Evidence(end.seq(), end.at(), "task " + task.taskId() + ": " + task.finalStatus()
          + ", served to the client"));
      List<JournalEntry> after = run.pollsOf(task.taskId()).stream().filter(poll -> poll.seq() > end.seq()).toList();
      extra += after.size();
      if (!after.isEmpty()) {
        JournalEntry first = after.get(0);
        JournalEntry last = after.get(after.size() - 1);
        evidence.add(new Evidence(first.seq(), first.at(), "polled again, " + after.size() + " poll(s) after the"
            + " final status, the last at seq " + last.seq() + " (" + Times.seconds(end.gapTo(last)) + " later)"));
      }
    }
    if (judged == 0) {
      return CheckResult.notExercised(CHECK, "no task's final status was served to the key (" + run.ending() + ")");
    }
    return extra == 0
        ? CheckResult.pass(CHECK, "stopped polling at the final status (" + run.ending() + ")", evidence)
        : CheckResult.fail(CHECK, extra + " poll(s) after the final status was served", evidence);
  }
}
