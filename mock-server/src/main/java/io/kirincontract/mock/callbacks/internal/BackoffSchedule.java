package io.kirincontract.mock.callbacks.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The delay before each retry: exponential, capped, with deterministic jitter.
 *
 * <p>After failed attempt {@code n} (1-based) the base delay is {@code min(maxBackoff, initialBackoff *
 * multiplier^(n - 1))}. Jitter then multiplies it by a factor drawn uniformly from {@code [1 - jitterRatio, 1
 * + jitterRatio]}, so a capped delay may exceed {@code maxBackoff} by up to the ratio. The factor is not
 * taken from a shared random stream, whose order would depend on thread timing: it is a pure function of
 * {@code (seed, key, n)}, where the key identifies the callback (see {@link #keyOf}). The same seed therefore
 * gives every callback the same schedule on every run.
 *
 * @param initialBackoff delay after the first failed attempt, before jitter
 * @param multiplier growth factor, at least 1
 * @param maxBackoff cap on the delay before jitter
 * @param jitterRatio half-width of the jitter factor's range, within [0, 1]
 * @param seed seed of the jitter
 */
public record BackoffSchedule(
    Duration initialBackoff, double multiplier, Duration maxBackoff, double jitterRatio, long seed) {

  /** Checks the values; {@code CallbackSettings} checks the same ranges. */
  public BackoffSchedule {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("backoff durations must not be negative");
    }
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be a finite number >= 1, was " + multiplier);
    }
    if (!(jitterRatio >= 0.0 && jitterRatio <= 1.0)) {
      throw new IllegalArgumentException("jitterRatio must be within [0, 1], was " + jitterRatio);
    }
  }

  /** The delay after failed attempt {@code failedAttempt} (1-based), before jitter. */
  public Duration baseDelay(int failedAttempt) {
    return Duration.ofNanos(Math.round(baseNanos(failedAttempt)));
  }

  /**
   * The delay after failed attempt {@code failedAttempt} (1-based) of the callback identified by {@code key}.
   */
  public Duration delayAfter(int failedAttempt, long key) {
    double factor = 1.0 + jitterRatio * (2.0 * unitInterval(failedAttempt, key) - 1.0);
    return Duration.ofNanos(Math.round(baseNanos(failedAttempt) * factor));
  }

  /** A stable jitter key for one callback: the same tenant, task and status give the same key every run. */
  public static long keyOf(String tenant, String taskId, String status) {
    long key = tenant.hashCode();
    key = key * 0x9E3779B97F4A7C15L + taskId.hashCode();
    return key * 0x9E3779B97F4A7C15L + status.hashCode();
  }

  private double baseNanos(int failedAttempt) {
    if (failedAttempt < 1) {
      throw new IllegalArgumentException("failedAttempt is 1-based, was " + failedAttempt);
    }
    double delay = initialBackoff.toNanos() * Math.pow(multiplier, failedAttempt - 1);
    return Math.min(delay, (double) maxBackoff.toNanos());
  }

  /** A number in [0, 1) that depends only on the seed, the key and the attempt. */
  private double unitInterval(int failedAttempt, long key) {
    long bits = mix(seed ^ mix(key ^ mix(failedAttempt)));
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** The SplitMix64 finaliser: spreads every input bit over the whole output. */
  private static long mix(long value) {
    long z = value + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
