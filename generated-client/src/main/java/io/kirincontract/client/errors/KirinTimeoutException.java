package io.kirincontract.client.errors;

import io.kirincontract.client.model.Task;
import java.time.Duration;
import java.util.Optional;

/**
 * Something took longer than allowed: a task did not finish within the {@code awaitCompletion} timeout
 * ({@link #lastTask()} holds the Task as last seen), or one HTTP request got no answer within the client's
 * request timeout (no last task; the request may have reached the server).
 */
public class KirinTimeoutException extends KirinException {

  private static final long serialVersionUID = 1L;

  private final transient Task lastTask;
  private final Duration timeout;

  public KirinTimeoutException(String message, Task lastTask, Duration timeout, Throwable cause) {
    super(message, cause);
    this.lastTask = lastTask;
    this.timeout = timeout;
  }

  /** The task as last polled, when waiting for a task timed out. */
  public Optional<Task> lastTask() {
    return Optional.ofNullable(lastTask);
  }

  /** The timeout that ran out. */
  public Duration timeout() {
    return timeout;
  }
}
