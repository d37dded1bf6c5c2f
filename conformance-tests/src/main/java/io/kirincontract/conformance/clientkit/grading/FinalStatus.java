package io.kirincontract.conformance.clientkit.grading;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * When a task's final status was first served to its key: the first poll whose answer carried {@code completed} or
 * {@code failed}. Where the journal does not record the answer's status, the first {@code 200} poll that arrived
 * after the task reached its final status (by the mock's timeline), with a margin: a poll within {@link #MARGIN} of
 * the change may have been answered either way and is taken as not yet final.
 */
final class FinalStatus {

  static final Duration MARGIN = Duration.ofMillis(50);
  private static final Set<String> FINAL = Set.of("completed", "failed");

  private FinalStatus() {}

  static Optional<JournalEntry> firstServed(RunRecord run, TaskFacts task) {
    return run.pollsOf(task.taskId()).stream().filter(poll -> served(poll, task)).findFirst();
  }

  private static boolean served(JournalEntry poll, TaskFacts task) {
    if (poll.status() != 200) {
      return false;
    }
    if (poll.taskStatus() != null) {
      return FINAL.contains(poll.taskStatus());
    }
    return task.finished() && !poll.at().isBefore(task.finalAt().plus(MARGIN));
  }
}
