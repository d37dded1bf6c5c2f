package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 429}: the key has too many unfinished tasks ("task resource insufficient", {@code 006001094} for the
 * V3 models, {@code task_resource_insufficient} for the others). Retried by the client within its {@code
 * RetryPolicy}; thrown once the attempts are used up or {@link #retryAfter()} is longer than the policy
 * accepts.
 */
public class KirinRateLimitException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinRateLimitException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
