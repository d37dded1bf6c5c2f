package io.kirincontract.mock.control;

/**
 * A control input is not understood: a bad {@code X-Kirin-Mock-Scenario} header, an admin body with a wrong field.
 * Answered with {@code 400 invalid_parameter}, naming {@link #param()}.
 */
public final class InvalidControlException extends RuntimeException {

  private final String param;

  public InvalidControlException(String message, String param) {
    super(message, null, false, false);
    this.param = param;
  }

  /** The header or field at fault. */
  public String param() {
    return param;
  }
}
