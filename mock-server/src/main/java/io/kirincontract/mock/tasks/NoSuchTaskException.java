package io.kirincontract.mock.tasks;

/** No stored task has this id (never created, deleted, evicted, or reset away). */
public final class NoSuchTaskException extends RuntimeException {

  private final String taskId;

  public NoSuchTaskException(String taskId) {
    super("no task " + taskId, null, false, false);
    this.taskId = taskId;
  }

  public String taskId() {
    return taskId;
  }
}
