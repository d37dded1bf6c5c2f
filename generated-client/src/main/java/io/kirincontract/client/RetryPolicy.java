package io.kirincontract.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How often and how long to retry a failed request: an immutable value, made with {@link #builder()}.
 *
 * <p>Which failures are retried is fixed by the client (connection errors, {@code 429} and {@code 5xx}; for
 * {@code create} only what is safe, see {@link KirinClient}); this policy gives the numbers:
 *
 * <ul>
 *   <li>{@code maxAttempts} (default 4): attempts in all, the first included; 1 means no retry;
 *   <li>{@code initialDelay} (500 ms), {@code multiplier} (2.0), {@code maxDelay} (8 s): the delay before
 *       retry {@code n} is {@code min(maxDelay, initialDelay * multiplier^(n-1))}: 0.5 s, 1 s, 2 s, 4 s, 8 s,
 *       8 s...;
 *   <li>{@code jitter} (0.2): each delay is shortened by a random part of up to this fraction, so that
 *       clients failing together do not retry together;
 *   <li>{@code maxRetryAfter} (60 s): a {@code Retry-After} answer is followed exactly (no jitter) when it
 *       asks for at most this long; a longer one ends the retries and the exception carries {@code
 *       retryAfter()}.
 * </ul>
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration initialDelay;
  private final double multiplier;
  private final Duration maxDelay;
  private final double jitter;
  private final Duration maxRetryAfter;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialDelay = builder.initialDelay;
    this.multiplier = builder.multiplier;
    this.maxDelay = builder.maxDelay;
    this.jitter = builder.jitter;
    this.maxRetryAfter = builder.maxRetryAfter;
  }

  /** The defaults listed above. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retry. */
  public static RetryPolicy none() {
    return builder().maxAttempts(1).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's values. */
  public Builder toBuilder() {
    return new Builder()
        .maxAttempts(maxAttempts)
        .initialDelay(initialDelay)
        .multiplier(multiplier)
        .maxDelay(maxDelay)
        .jitter(jitter)
        .maxRetryAfter(maxRetryAfter);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public double multiplier() {
    return multiplier;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public double jitter() {
    return jitter;
  }

  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry) without {@code Retry-After}.
   *
   * @param random a number in [0, 1) that picks the jitter; 0 gives the full backoff
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry numbers start at 1: " + retry);
    }
    Duration full = GeometricDelays.grow(initialDelay, multiplier, retry - 1, maxDelay);
    return Duration.ofNanos((long) (full.toNanos() * (1 - jitter * random)));
  }

  /**
   * The delay before the next attempt after {@code failedAttempts} attempts failed, or empty to stop
   * retrying.
   *
   * @param retryAfter what the server asked for in {@code Retry-After}, or {@code null}
   * @param random a number in [0, 1) for the jitter
   */
  public Optional<Duration> delayBeforeRetry(int failedAttempts, Duration retryAfter, double random) {
    if (failedAttempts >= maxAttempts) {
      return Optional.empty();
    }
    if (retryAfter != null) {
      return retryAfter.compareTo(maxRetryAfter) <= 0 ? Optional.of(retryAfter) : Optional.empty();
    }
    return Optional.of(backoff(failedAttempts, random));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RetryPolicy that
        && maxAttempts == that.maxAttempts
        && initialDelay.equals(that.initialDelay)
        && Double.compare(multiplier, that.multiplier) == 0
        && maxDelay.equals(that.maxDelay)
        && Double.compare(jitter, that.jitter) == 0
        && maxRetryAfter.equals(that.maxRetryAfter);
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, initialDelay, multiplier, maxDelay, jitter, maxRetryAfter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", multiplier="
        + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter + ", maxRetryAfter=" + maxRetryAfter
        + "]";
  }

  /** Builds a {@link RetryPolicy}; starts from the defaults. Not thread-safe; the policy it builds is. */
  public static final class Builder {

    private int maxAttempts = 4;
    private Duration initialDelay = Duration.ofMillis(500);
    private double multiplier = 2.0;
    private Duration maxDelay = Duration.ofSeconds(8);
    private double jitter = 0.2;
    private Duration maxRetryAfter = Duration.ofSeconds(60);

    private Builder() {}

    /** Attempts in all, the first included, at least 1. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public Builder initialDelay(Duration initialDelay) {
      this.initialDelay = notNegative(initialDelay, "initialDelay");
      return this;
    }

    /** Growth of the delay from one retry to the next, at least 1. */
    public Builder multiplier(double multiplier) {
      this.multiplier = GeometricDelays.checkMultiplier(multiplier);
      return this;
    }

    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = notNegative(maxDelay, "maxDelay");
      return this;
    }

    /** Fraction of each delay that may be cut at random, from 0 (none) to 1. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0.0 && jitter <= 1.0)) {
        throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** The longest {@code Retry-After} the client waits for; a longer one ends the retries. */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = notNegative(maxRetryAfter, "maxRetryAfter");
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalStateException if {@code maxDelay} is shorter than {@code initialDelay}
     */
    public RetryPolicy build() {
      GeometricDelays.checkCap(initialDelay, "initialDelay", maxDelay, "maxDelay");
      return new RetryPolicy(this);
    }

    static Duration notNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + duration);
      }
      return duration;
    }
  }
}
