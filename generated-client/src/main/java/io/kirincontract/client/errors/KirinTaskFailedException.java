package io.kirincontract.client.errors;

import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskError;
import java.util.Objects;
import java.util.Optional;

/**
 * Thrown by {@code awaitSuccess} when the task ended {@code failed}. ({@code get} and {@code awaitCompletion}
 * return a failed task as a value instead.) The generation-failure code, such as {@code 002015095}, is in
 * {@link #code()} and {@link #errorCode()}.
 */
public class KirinTaskFailedException extends KirinException {

  private static final long serialVersionUID = 1L;

  private final transient Task task;

  public KirinTaskFailedException(Task task) {
    super(message(Objects.requireNonNull(task, "task")));
    this.task = task;
  }

  public Task task() {
    return task;
  }

  /** The task's {@code error.code} exactly as sent, or {@code null} when the server gave none. */
  public String code() {
    return error().map(TaskError::getCode).orElse(null);
  }

  /**
   * The task's {@code error.code} as a known constant ({@link KirinErrorCode#UNKNOWN} when not in the
   * catalog).
   */
  public KirinErrorCode errorCode() {
    return KirinErrorCode.of(code());
  }

  /** The task's {@code error.error_message}, or {@code null}. */
  public String errorMessage() {
    return error().map(TaskError::getErrorMessage).orElse(null);
  }

  private Optional<TaskError> error() {
    return Optional.ofNullable(task.getError());
  }

  private static String message(Task task) {
    TaskError error = task.getError();
    return "task "
        + task.getId()
        + " failed"
        + (error == null ? "" : ": " + error.getCode() + " " + error.getErrorMessage());
  }
}
