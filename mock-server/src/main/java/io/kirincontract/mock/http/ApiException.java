package io.kirincontract.mock.http;

import io.kirincontract.mock.validation.Problem;

/** A request the server answers with an error envelope: not authorised, not found, conflict, not JSON... */
public final class ApiException extends RuntimeException {

  private final int status;
  private final Problem problem;

  public ApiException(int status, Problem problem) {
    super(problem.message(), null, false, false);
    this.status = status;
    this.problem = problem;
  }

  public int status() {
    return status;
  }

  public Problem problem() {
    return problem;
  }
}
