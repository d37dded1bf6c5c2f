package io.kirincontract.mock.tasks;

/** The key already created a task with this {@code external_task_id}. */
public final class ExternalTaskIdConflictException extends RuntimeException {

  private final String externalTaskId;
  private final String existingTaskId;

  public ExternalTaskIdConflictException(String externalTaskId, String existingTaskId) {
    super("external_task_id " + externalTaskId + " is already used by task " + existingTaskId, null, false, false);
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
