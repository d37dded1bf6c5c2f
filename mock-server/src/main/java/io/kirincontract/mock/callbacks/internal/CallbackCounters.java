package io.kirincontract.mock.callbacks.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** The dispatcher's counters, and the wait for "nothing pending" that tests and benchmarks use. */
final class CallbackCounters {

  private final AtomicLong enqueued = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong givenUp = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong blocked = new AtomicLong();
  private final AtomicLong pending = new AtomicLong();
  private final Object idle = new Object();

  void enqueued() {
    enqueued.incrementAndGet();
    pending.incrementAndGet();
  }

  void rejected() {
    rejected.incrementAndGet();
  }

  void attemptStarted() {
    attempts.incrementAndGet();
  }

  void retryScheduled() {
    retries.incrementAndGet();
  }

  void delivered() {
    delivered.incrementAndGet();
    settled();
  }

  void gaveUp() {
    givenUp.incrementAndGet();
    settled();
  }

  void dropped() {
    dropped.incrementAndGet();
    settled();
  }

  void blocked() {
    blocked.incrementAndGet();
    settled();
  }

  long pending() {
    return pending.get();
  }

  /** Waits until no callback is pending; false if that did not happen within {@code timeout}. */
  boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (idle) {
      while (pending.get() > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, remaining);
      }
      return true;
    }
  }

  CallbackStats snapshot(IntSupplier inFlight) {
    return new CallbackStats(
        enqueued.get(),
        rejected.get(),
        attempts.get(),
        delivered.get(),
        retries.get(),
        givenUp.get(),
        dropped.get(),
        pending.get(),
        inFlight.getAsInt(),
        blocked.get());
  }

  private void settled() {
    if (pending.decrementAndGet() == 0) {
      synchronized (idle) {
        idle.notifyAll();
      }
    }
  }
}
