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
    this.nowMillis = checkInRange(Objects.requireNonNull(start, "start"), "a manual clock's start").toEpochMilli();
  }

  /**
   * Moves the clock forward by {@code duration}, firing every transition due on the way.
   *
   * @throws IllegalArgumentException when {@code duration} is negative (time does not go back), or would take the
   *     clock past {@link #LATEST}; the clock is then left as it was
   */
  public void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("a clock does not go back; advance by zero or more, not " + duration);
    }
    long now = nowMillis;
    long room = LATEST.toEpochMilli() - now;
    if (duration.compareTo(Duration.ofMillis(room)) > 0) {
      throw new IllegalArgumentException(
          "advancing by "
              + duration
              + " would take the clock past "
              + LATEST
              + " (timestamps keep four-digit years); from "
              + Instant.ofEpochMilli(now)
              + " it can advance by at most "
              + Duration.ofMillis(room));
    }
    advanceTo(now + duration.toMillis());
  }

  /**
   * Moves the clock forward to {@code instant} (nothing happens if it is already there or later).
   *
   * @throws IllegalArgumentException when {@code instant} is past {@link #LATEST}
   */
  public void advanceTo(Instant instant) {
    advanceTo(checkInRange(instant, "the time to advance to").toEpochMilli());
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

  /**
   * Sets the clock to {@code instant}, earlier or later, without firing anything: for starting every test of a class
   * at the same time after a reset (the JUnit extension does this). Only when nothing is due: time never goes back
   * under a pending transition.
   *
   * @throws IllegalStateException when a transition is still pending
   * @throws IllegalArgumentException when {@code instant} is outside {@link #EARLIEST} to {@link #LATEST}
   */
  public synchronized void resetTo(Instant instant) {
    checkInRange(instant, "the time to reset to");
    for (Listener listener : listeners) {
      if (listener.nextDue() != Long.MAX_VALUE) {
        throw new IllegalStateException("a transition is pending; reset the server before resetting its clock");
      }
    }
    nowMillis = instant.toEpochMilli();
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
