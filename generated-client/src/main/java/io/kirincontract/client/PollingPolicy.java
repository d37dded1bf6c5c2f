package io.kirincontract.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code awaitCompletion} spaces its polls: an immutable value, made with {@link #builder()}. The first
 * poll waits {@code initialInterval} (default 1 s); each next one {@code multiplier} (1.5) times longer, up
 * to {@code maxInterval} (10 s): 1 s, 1.5 s, 2.25 s, 3.375 s ... 10 s. The last wait is cut short at the
 * timeout, where one final poll is made.
 */
public final class PollingPolicy {

  private static final PollingPolicy DEFAULTS = new Builder().build();

  private final Duration initialInterval;
  private final double multiplier;
  private final Duration maxInterval;

  private PollingPolicy(Builder builder) {
    this.initialInterval = builder.initialInterval;
    this.multiplier = builder.multiplier;
    this.maxInterval = builder.maxInterval;
  }

  public static PollingPolicy defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder().initialInterval(initialInterval).multiplier(multiplier).maxInterval(maxInterval);
  }

  public Duration initialInterval() {
    return initialInterval;
  }

  public double multiplier() {
    return multiplier;
  }

  public Duration maxInterval() {
    return maxInterval;
  }

  /** The interval after {@code current}: {@code min(maxInterval, current * multiplier)}. */
  public Duration next(Duration current) {
    return GeometricDelays.grow(current, multiplier, 1, maxInterval);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PollingPolicy that
        && initialInterval.equals(that.initialInterval)
        && Double.compare(multiplier, that.multiplier) == 0
        && maxInterval.equals(that.maxInterval);
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialInterval, multiplier, maxInterval);
  }

  @Override
  public String toString() {
    return "PollingPolicy[initialInterval=" + initialInterval + ", multiplier=" + multiplier
        + ", maxInterval=" + maxInterval + "]";
  }

  /** Builds a {@link PollingPolicy}; starts from the defaults. */
  public static final class Builder {

    private Duration initialInterval = Duration.ofSeconds(1);
    private double multiplier = 1.5;
    private Duration maxInterval = Duration.ofSeconds(10);

    private Builder() {}

    /** The wait before the first poll; more than zero. */
    public Builder initialInterval(Duration initialInterval) {
      this.initialInterval = positive(initialInterval, "initialInterval");
      return this;
    }

    /** Growth from one interval to the next, at least 1 (1 polls at a fixed interval). */
    public Builder multiplier(double multiplier) {
      this.multiplier = GeometricDelays.checkMultiplier(multiplier);
      return this;
    }

    public Builder maxInterval(Duration maxInterval) {
      this.maxInterval = positive(maxInterval, "maxInterval");
      return this;
    }

    /**
     * The policy.
     *
     * @throws IllegalStateException if {@code maxInterval} is shorter than {@code initialInterval}
     */
    public PollingPolicy build() {
      GeometricDelays.checkCap(initialInterval, "initialInterval", maxInterval, "maxInterval");
      return new PollingPolicy(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be more than zero: " + duration);
      }
      return duration;
    }
  }
}
