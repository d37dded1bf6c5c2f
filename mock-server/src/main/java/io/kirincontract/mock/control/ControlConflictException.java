package io.kirincontract.mock.control;

import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;

/** A control operation that the mock's state does not allow, such as advancing a clock that is not manual: 409. */
public final class ControlConflictException extends ProblemException {

  private final String code;

  public ControlConflictException(String code, String message) {
    super(Problem.of(code, message));
    this.code = code;
  }

  public String code() {
    return code;
  }
}
