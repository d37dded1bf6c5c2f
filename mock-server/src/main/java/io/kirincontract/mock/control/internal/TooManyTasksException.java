package io.kirincontract.mock.control.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;
import java.util.List;
import java.util.Map;

/** A key is at its limit of unfinished tasks: {@code 429} with the model's code and a {@code Retry-After}. */
public final class TooManyTasksException extends ProblemException {

  private final String code;
  private final long retryAfterSeconds;

  public TooManyTasksException(String code, String message, long retryAfterSeconds) {
    super(
        List.of(Problem.of(code, message)), Map.of("Retry-After", Long.toString(retryAfterSeconds)));
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** {@code 006001094} for the V3 models, {@code task_resource_insufficient} for the others. */
  public String code() {
    return code;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
