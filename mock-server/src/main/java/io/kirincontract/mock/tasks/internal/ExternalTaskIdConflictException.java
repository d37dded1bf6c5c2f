package io.kirincontract.mock.tasks.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;

/** The key already created a task with this {@code external_task_id}. */
public final class ExternalTaskIdConflictException extends ProblemException {

  private final String externalTaskId;
  private final String existingTaskId;

  public ExternalTaskIdConflictException(String externalTaskId, String existingTaskId) {
    super(
        new Problem(
            "external_task_id_conflict",
            "external_task_id " + externalTaskId + " is already used by task " + existingTaskId,
            "external_task_id",
            null));
    this.externalTaskId = externalTaskId;
    this.existingTaskId = existingTaskId;
  }

  public String externalTaskId() {
    return externalTaskId;
  }

  public String existingTaskId() {
    return existingTaskId;
  }
}
