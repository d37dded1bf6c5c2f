package io.kirincontract.client.errors;

/**
 * Base of every exception the Kirin client throws. Unchecked: catch the subclass you can act on, or this one
 * to catch them all.
 */
public class KirinException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KirinException(String message) {
    super(message);
  }

  public KirinException(String message, Throwable cause) {
    super(message, cause);
  }
}
