package io.kirincontract.mock.http.internal;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A request the HTTP layer answers with an error envelope: not authorised, not found, not JSON... Its status is the
 * one the error catalogue gives its code.
 */
public final class ApiException extends ProblemException {

  public ApiException(Problem problem) {
    this(problem, Map.of());
  }

  /** With response headers, such as {@code Retry-After}. */
  public ApiException(Problem problem, Map<String, String> headers) {
    super(List.of(problem), headers);
  }
}
