package io.kirincontract.spec;

/** The spec could not be read, or does not have the shape {@link KirinSpec} relies on. */
public class KirinSpecException extends RuntimeException {

  public KirinSpecException(String message) {
    super(message);
  }

  public KirinSpecException(String message, Throwable cause) {
    super(message, cause);
  }
}
