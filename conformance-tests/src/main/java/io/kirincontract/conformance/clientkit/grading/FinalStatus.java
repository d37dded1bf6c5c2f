package io.kirincontract.conformance.clientkit.grading;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * When a task's final status was first served to its key: the first poll whose answer carried {@code completed} or
 * {@code failed}. Where the journal does not record the answer's status, the first {@code 200} poll that arrived
 * after the task reached its final status (by the mock's timeline), with a margin: a poll within {@link #MARGIN} of
 * the change may have been answered either way and is taken as not yet final, unless it is the task's last poll (the
 * client stopped there, so it saw the end).
 */
final class FinalStatus {

  static final Duration MARGIN = Duration.ofMillis(50);
  private static final Set<String> FINAL = Set.of("completed", "failed");

  private FinalStatus() {}

  static Optional<JournalEntry> firstServed(RunRecord run, TaskFacts task) {
    java.util.List<JournalEntry> polls = run.pollsOf(task.taskId());
    Optional<JournalEntry> served = polls.stream().filter(poll -> served(poll, task)).findFirst();
    if (served.isPresent() || polls.isEmpty() || !task.finished()) {
      return served;
    }
    JournalEntry last = polls.get(polls.size() - 1);
    boolean nearTheChange = last.status() == 200 && last.taskStatus() == null
        && !last.at().isBefore(task.finalAt().minus(MARGIN));
    return nearTheChange ? Optional.of(last) : Optional.empty();
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
