package io.kirincontract.mock.tasks;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;

/** No stored task has this id (never created, deleted, evicted, or reset away). */
public final class NoSuchTaskException extends ProblemException {

  private final String taskId;

  public NoSuchTaskException(String taskId) {
    super(Problem.of("task_not_found", "no task " + taskId));
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
