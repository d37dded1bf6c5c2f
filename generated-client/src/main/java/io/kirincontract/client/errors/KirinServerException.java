package io.kirincontract.client.errors;

import java.time.Duration;

/**
 * {@code 5xx}: the server failed ({@code 500}, a bug) or cannot take requests now ({@code 503}, with {@link
 * #retryAfter()}). Retried by the client as its {@code RetryPolicy} and the operation allow.
 */
public class KirinServerException extends KirinApiException {

  private static final long serialVersionUID = 1L;

  public KirinServerException(int statusCode, KirinError error, Duration retryAfter) {
    super(statusCode, error, retryAfter);
  }
}
