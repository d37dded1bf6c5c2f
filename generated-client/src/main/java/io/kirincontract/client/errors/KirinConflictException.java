package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 409}: this key already used the request's {@code external_task_id}.
 */
public class KirinConflictException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinConflictException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
