package io.kirincontract.mock.http;

import io.kirincontract.mock.validation.Problem;
import java.util.Map;

/** A request the server answers with an error envelope: not authorised, not found, conflict, not JSON... */
public final class ApiException extends RuntimeException {

  private final int status;
  private final Problem problem;
  private final Map<String, String> headers;

  public ApiException(int status, Problem problem) {
    this(status, problem, Map.of());
  }

  /** With response headers, such as {@code Retry-After}. */
  public ApiException(int status, Problem problem, Map<String, String> headers) {
    super(problem.message(), null, false, false);
    this.status = status;
    this.problem = problem;
    this.headers = Map.copyOf(headers);
  }

  public int status() {
    return status;
  }

  public Problem problem() {
    return problem;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
