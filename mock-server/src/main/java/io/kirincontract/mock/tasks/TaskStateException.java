package io.kirincontract.mock.tasks;

/** A control operation does not fit the task's status (for example failing a task that already completed). */
public final class TaskStateException extends RuntimeException {

  public TaskStateException(String message) {
    super(message, null, false, false);
  }
}
