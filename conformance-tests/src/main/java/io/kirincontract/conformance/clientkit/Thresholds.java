package io.kirincontract.conformance.clientkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The numbers the checks judge by, with DESIGN §6's defaults: 100 ms of tolerance on {@code Retry-After}, at most 5
 * creates after consecutive failures, polls at least 1 s apart (median).
 *
 * @param retryAfterTolerance how much sooner than {@code Retry-After} a request may come
 * @param maxRetries how many creates may follow a failed create before one succeeds or the program gives up
 * @param pollInterval the least median gap between polls of one task (unless the gaps grow)
 */
public record Thresholds(Duration retryAfterTolerance, int maxRetries, Duration pollInterval) {

  public static final Thresholds DEFAULTS = new Thresholds(Duration.ofMillis(100), 5, Duration.ofSeconds(1));

  public Thresholds {
    Objects.requireNonNull(retryAfterTolerance, "retryAfterTolerance");
    Objects.requireNonNull(pollInterval, "pollInterval");
    if (retryAfterTolerance.isNegative()) {
      throw new IllegalArgumentException("the Retry-After tolerance must not be negative: " + retryAfterTolerance);
    }
    if (maxRetries < 0) {
      throw new IllegalArgumentException("the most retries must be 0 or more: " + maxRetries);
    }
    if (pollInterval.isNegative()) {
      throw new IllegalArgumentException("the poll interval must not be negative: " + pollInterval);
    }
  }
}
