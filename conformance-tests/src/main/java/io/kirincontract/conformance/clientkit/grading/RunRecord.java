package io.kirincontract.conformance.clientkit.grading;

import io.kirincontract.conformance.clientkit.ClientScenario;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a run is graded from: the journal entries of the run's key (arrival order) and what the kit knows
 * besides: the stubs it armed, the tasks the key has, how the program ended.
 *
 * @param scenario the scenario run
 * @param entries the journal entries of the run's key
 * @param retryAfterByStub the {@code Retry-After} of each armed stub that sends one, by stub id
 * @param lostAnswerStubs the ids of the armed stubs that lose the answer of a create
 * @param tasks the tasks of the run's key
 * @param exitCode the program's exit code, or {@code null} when it was stopped at the time limit
 */
public record RunRecord(
    ClientScenario scenario,
    List<JournalEntry> entries,
    Map<String, Duration> retryAfterByStub,
    List<String> lostAnswerStubs,
    List<TaskFacts> tasks,
    Integer exitCode) {

  public RunRecord {
    entries = entries.stream().sorted(Comparator.comparingLong(JournalEntry::seq)).toList();
    retryAfterByStub = Map.copyOf(retryAfterByStub);
    lostAnswerStubs = List.copyOf(lostAnswerStubs);
    tasks = List.copyOf(tasks);
  }

  public boolean timedOut() {
    return exitCode == null;
  }

  public List<JournalEntry> creates() {
    return entries.stream().filter(JournalEntry::isCreate).toList();
  }

  /** The entries after {@code entry}, in order. */
  public List<JournalEntry> after(JournalEntry entry) {
    return entries.stream().filter(later -> later.seq() > entry.seq()).toList();
  }

  /** The task a poll read: its journal {@code task_id}, else the id in its path, else by external id. */
  public Optional<String> taskOf(JournalEntry poll) {
    if (poll.taskId() != null) {
      return Optional.of(poll.taskId());
    }
    if (poll.polledTaskId() != null) {
      return Optional.of(poll.polledTaskId());
    }
    return tasks.stream()
        .filter(task -> task.externalTaskId() != null && task.externalTaskId().equals(poll.externalTaskId()))
        .map(TaskFacts::taskId)
        .findFirst();
  }

  /** The polls of one task, in order. */
  public List<JournalEntry> pollsOf(String taskId) {
    return entries.stream()
        .filter(JournalEntry::isPoll)
        .filter(poll -> taskOf(poll).filter(taskId::equals).isPresent())
        .toList();
  }

  /** A description of how the program ended: {@code exit 0}, or {@code stopped at the time limit}. */
  public String ending() {
    return exitCode == null ? "stopped at the time limit" : "exit " + exitCode;
  }
}
