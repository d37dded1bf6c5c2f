package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 401} (and {@code 403}): the bearer key is missing or not accepted.
 */
public class KirinAuthenticationException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinAuthenticationException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
