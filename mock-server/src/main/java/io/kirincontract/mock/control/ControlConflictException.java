package io.kirincontract.mock.control;

/** A control operation that the mock's state does not allow, such as advancing a clock that is not manual: 409. */
public final class ControlConflictException extends RuntimeException {

  private final String code;

  public ControlConflictException(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
