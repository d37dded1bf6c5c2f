package io.kirincontract.mock.control;

import java.time.Duration;

/**
 * HTTP faults on the API ({@code /v1/...}) requests: added latency on a share of them, and an error status instead
 * of the real answer on a share of them. Which requests are hit is drawn from {@code seed} and the request's
 * position (the first API request after the settings took effect is number 1, and so on), so the same seed and the
 * same sequence of requests give the same faults.
 *
 * @param latency added before the request is handled (real time, at most 60 s)
 * @param latencyShare share of requests delayed, 0 to 1
 * @param errorShare share of requests answered with {@code errorStatus} instead (no task is created), 0 to 1
 * @param errorStatus 500 ({@code internal_error}) or 503 ({@code service_unavailable}, with {@code Retry-After: 1})
 * @param seed seed of the draws
 */
public record FaultSettings(Duration latency, double latencyShare, double errorShare, int errorStatus, long seed) {

  public static final Duration MAX_LATENCY = Duration.ofSeconds(60);

  /** No faults. */
  public static final FaultSettings NONE = new FaultSettings(Duration.ZERO, 0, 0, 503, 0);

  public FaultSettings {
    if (latency == null || latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
      throw new InvalidControlException("latency must be 0 to " + MAX_LATENCY + ", not " + latency, "latency");
    }
    checkShare(latencyShare, "latency_share");
    checkShare(errorShare, "error_share");
    if (errorStatus != 500 && errorStatus != 503) {
      throw new InvalidControlException("error_status must be 500 or 503, not " + errorStatus, "error_status");
    }
  }

  /** {@code errorShare} of requests answered with {@code status}. */
  public static FaultSettings errors(double errorShare, int status, long seed) {
    return new FaultSettings(Duration.ZERO, 0, errorShare, status, seed);
  }

  /** Every request delayed by {@code latency}. */
  public static FaultSettings latency(Duration latency) {
    return new FaultSettings(latency, 1, 0, 503, 0);
  }

  public boolean isNone() {
    return (latency.isZero() || latencyShare == 0) && errorShare == 0;
  }

  private static void checkShare(double share, String name) {
    if (!(share >= 0 && share <= 1)) {
      throw new InvalidControlException(name + " must be 0 to 1, not " + share, name);
    }
  }
}
