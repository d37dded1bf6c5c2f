package io.kirincontract.mock.lifecycle;

import java.time.Clock;
import java.time.Instant;

/**
 * The system clock sped up (or slowed down) by a factor: it starts at the current time and then runs {@code
 * timeScale} times as fast as {@link System#nanoTime()}, so it never goes backwards.
 */
final class ScaledSystemClock extends MockClock {

  private static final long LATEST_MILLIS = LATEST.toEpochMilli();

  private final double timeScale;
  private final long startMillis;
  private final long startNanos;

  ScaledSystemClock(Clock base, double timeScale) {
    this.timeScale = checkTimeScale(timeScale);
    this.startMillis = base.millis();
    this.startNanos = System.nanoTime();
  }

  @Override
  public double timeScale() {
    return timeScale;
  }

  /** Stops at {@link #LATEST} (after some 290 real days at the largest scale) rather than leave RFC 3339. */
  @Override
  public long millis() {
    return Math.min(LATEST_MILLIS, startMillis + (long) ((System.nanoTime() - startNanos) * timeScale / 1_000_000.0));
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
