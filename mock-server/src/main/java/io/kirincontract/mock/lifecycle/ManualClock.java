package io.kirincontract.mock.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when a test says so. {@link #advance} walks forward through every transition that falls
 * due on the way, in time order: the clock reads each transition's time while it fires, on the calling thread,
 * before {@code advance} returns. Millisecond resolution; thread-safe (advances run one at a time).
 */
public final class ManualClock extends MockClock {

  /** What a lifecycle registers to be driven by the clock. */
  public interface Listener {

    /** The earliest time something is due, in epoch milliseconds, or {@link Long#MAX_VALUE} for nothing. */
    long nextDue();

    /** Fires everything due at or before {@code nowMillis}. */
    void fireDue(long nowMillis);
  }

  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private volatile long nowMillis;

  ManualClock(Instant start) {
    this.nowMillis = Objects.requireNonNull(start, "start").toEpochMilli();
  }

  /**
   * Moves the clock forward by {@code duration}, firing every transition due on the way.
   *
   * @throws IllegalArgumentException when {@code duration} is negative (time does not go back)
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back; advance by zero or more, not " + duration);
    }
    advanceTo(nowMillis + duration.toMillis());
  }

  /** Moves the clock forward to {@code instant} (nothing happens if it is already there or later). */
  public void advanceTo(Instant instant) {
    advanceTo(instant.toEpochMilli());
  }

  private synchronized void advanceTo(long target) {
    while (true) {
      long next = Long.MAX_VALUE;
      for (Listener listener : listeners) {
        next = Math.min(next, listener.nextDue());
      }
      if (next > target) {
        break;
      }
      nowMillis = Math.max(nowMillis, next);
      for (Listener listener : listeners) {
        listener.fireDue(nowMillis);
      }
    }
    nowMillis = Math.max(nowMillis, target);
  }

  /** Lets {@code listener} be driven by {@link #advance}; returns what removes it again. */
  public Runnable register(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return () -> listeners.remove(listener);
  }

  /** 1: a manual clock does not follow real time, so mock durations are given as they are. */
  @Override
  public double timeScale() {
    return 1.0;
  }

  @Override
  public long millis() {
    return nowMillis;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(nowMillis);
  }

  @Override
  public String toString() {
    return "ManualClock(" + instant() + ")";
  }
}
