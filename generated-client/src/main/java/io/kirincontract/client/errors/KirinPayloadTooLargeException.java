package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 413}: the body is over the server's limit. A {@link KirinValidationException}: the request must
 * change.
 */
public class KirinPayloadTooLargeException extends KirinValidationException {

  private static final long serialVersionUID = 1L;

  public KirinPayloadTooLargeException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
