package io.kirincontract.mock.lifecycle;

import java.time.Clock;
import java.time.Instant;

/**
 * The system clock sped up (or slowed down) by a factor: it starts at the current time and then runs {@code
 * timeScale} times as fast as {@link System#nanoTime()}, so it never goes backwards.
 */
final class ScaledSystemClock extends MockClock {

  private final double timeScale;
  private final long startMillis;
  private final long startNanos;

  ScaledSystemClock(Clock base, double timeScale) {
    if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
      throw new IllegalArgumentException("time scale must be a positive number, not " + timeScale);
    }
    this.timeScale = timeScale;
    this.startMillis = base.millis();
    this.startNanos = System.nanoTime();
  }

  @Override
  public double timeScale() {
    return timeScale;
  }

  @Override
  public long millis() {
    return startMillis + (long) ((System.nanoTime() - startNanos) * timeScale / 1_000_000.0);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public String toString() {
    return "MockClock.scaled(" + timeScale + ")";
  }
}
