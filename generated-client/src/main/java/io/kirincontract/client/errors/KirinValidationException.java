package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 400} (and {@code 415}): the request is invalid: bad JSON, a wrong type, a limit or a rule broken, an
 * unknown model. Fix the request; {@link #param()} and {@link #rule()} say where.
 */
public class KirinValidationException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinValidationException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
