package io.kirincontract.mock.tasks;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;

/** A control operation does not fit the task's status (for example failing a task that already completed). */
public final class TaskStateException extends ProblemException {

  public TaskStateException(String message) {
    super(Problem.of("task_state_conflict", message));
  }
}
