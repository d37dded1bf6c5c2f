package io.kirincontract.client;

import java.time.Duration;

/** The geometric growth that {@link RetryPolicy} and {@link PollingPolicy} share, and the checks of its settings. */
final class GeometricDelays {

  private GeometricDelays() {}

  /** {@code min(cap, start * multiplier^steps)}. */
  static Duration grow(Duration start, double multiplier, int steps, Duration cap) {
    double nanos = Math.min(start.toNanos() * Math.pow(multiplier, steps), cap.toNanos());
    return Duration.ofNanos((long) nanos);
  }

  /** The growth from one delay to the next: at least 1 (1 keeps the delay fixed), finite. */
  static double checkMultiplier(double multiplier) {
    if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
      throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
    }
    return multiplier;
  }

  /** Checks that the cap is not shorter than the first delay, naming both settings as the builder calls them. */
  static void checkCap(Duration start, String startName, Duration cap, String capName) {
    if (cap.compareTo(start) < 0) {
      throw new IllegalStateException(capName + " " + cap + " is shorter than " + startName + " " + start);
    }
  }
}
