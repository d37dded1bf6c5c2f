package io.kirincontract.mock.control;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;

/**
 * A control input is not understood: a bad {@code X-Kirin-Mock-Scenario} header, an admin body with a wrong field.
 * Answered with {@code 400 invalid_parameter}, naming {@link #param()}.
 */
public final class InvalidControlException extends ProblemException {

  private final String param;

  public InvalidControlException(String message, String param) {
    super(new Problem("invalid_parameter", message, param, null));
    this.param = param;
  }

  /** The header or field at fault. */
  public String param() {
    return param;
  }
}
