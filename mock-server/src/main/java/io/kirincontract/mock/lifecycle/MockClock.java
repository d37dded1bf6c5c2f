package io.kirincontract.mock.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The mock's time: task timestamps, lifecycle transitions and task ids read it. Three kinds:
 *
 * <ul>
 *   <li>{@link #scaled(double)}: the system clock, running {@code timeScale} times as fast as real time from the
 *       moment it is made (10 makes a 5-second task take half a real second; 1 is real time);
 *   <li>{@link #manual(Instant)}: a {@link ManualClock} that moves only when told to, firing the transitions that
 *       fall due on the way, for deterministic tests;
 *   <li>{@link #of(Clock)}: any {@link Clock}, at real-time speed (for example {@link Clock#fixed}: tasks then never
 *       move on).
 * </ul>
 *
 * Always UTC.
 */
public abstract class MockClock extends Clock {

  /**
   * The earliest time the mock's clock may read: task ids hold the creation time as unsigned epoch milliseconds.
   */
  public static final Instant EARLIEST = Instant.EPOCH;

  /**
   * The latest time the mock's clock may read, a month before the end of year 9999: every timestamp of a task (one
   * lasts at most a day) stays an RFC 3339 date-time, which has four-digit years.
   */
  public static final Instant LATEST = Instant.parse("9999-12-01T00:00:00Z");

  /** The largest time scale: at it the clock still takes about 290 real days to run from 2026 to {@link #LATEST}. */
  public static final double MAX_TIME_SCALE = 10_000;

  /** The system clock at real-time speed. */
  public static MockClock system() {
    return scaled(1.0);
  }

  /**
   * The system clock running {@code timeScale} times as fast as real time, starting from the current time.
   *
   * @throws IllegalArgumentException unless {@code timeScale} is more than 0 and at most {@link #MAX_TIME_SCALE}
   */
  public static MockClock scaled(double timeScale) {
    return new ScaledSystemClock(Clock.systemUTC(), timeScale);
  }

  /** A clock that stands still at {@code start} until {@link ManualClock#advance advanced}. */
  public static ManualClock manual(Instant start) {
    return new ManualClock(start);
  }

  /** {@code clock} itself when it is a mock clock, else {@code clock} driven at real-time speed. */
  public static MockClock of(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return clock instanceof MockClock mock ? mock : new WrappedClock(clock);
  }

  /**
   * @throws IllegalArgumentException unless {@code timeScale} is more than 0 and at most {@link #MAX_TIME_SCALE}
   */
  public static double checkTimeScale(double timeScale) {
    if (!(timeScale > 0) || !(timeScale <= MAX_TIME_SCALE)) {
      throw new IllegalArgumentException(
          "time scale must be more than 0 and at most " + (long) MAX_TIME_SCALE + ", not " + timeScale);
    }
    return timeScale;
  }

  /**
   * @throws IllegalArgumentException unless {@code instant} is between {@link #EARLIEST} and {@link #LATEST}
   */
  public static Instant checkInRange(Instant instant, String what) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          what + " must be between " + EARLIEST + " and " + LATEST + " (timestamps keep four-digit years), not "
              + instant);
    }
    return instant;
  }

  /** How many mock seconds pass per real second; 1 for a manual clock (it does not follow real time). */
  public abstract double timeScale();

  /** Real nanoseconds until this clock reads {@code mockMillis}; 0 when it already does. */
  public long realNanosUntil(long mockMillis) {
    long ahead = mockMillis - millis();
    if (ahead <= 0) {
      return 0;
    }
    double nanos = ahead * 1_000_000.0 / timeScale();
    return nanos >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) nanos;
  }

  /** Real seconds for {@code mockMillis} of mock time, rounded up, at least 1 (for {@code Retry-After}). */
  public long realSecondsFor(long mockMillis) {
    return Math.max(1, (long) Math.ceil(mockMillis / 1000.0 / timeScale()));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A plain {@link Clock} reading this one's instant in another zone. */
  @Override
  public Clock withZone(ZoneId zone) {
    MockClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  /** A plain clock at real-time speed. */
  private static final class WrappedClock extends MockClock {
    private final Clock clock;

    WrappedClock(Clock clock) {
      this.clock = clock;
    }

    @Override
    public double timeScale() {
      return 1.0;
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }

    @Override
    public long millis() {
      return clock.millis();
    }

    @Override
    public String toString() {
      return "MockClock.of(" + clock + ")";
    }
  }
}
