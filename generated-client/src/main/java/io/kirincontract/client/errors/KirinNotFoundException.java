package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 404}: no such task for this key (tasks are private to the key that created them).
 */
public class KirinNotFoundException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinNotFoundException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
