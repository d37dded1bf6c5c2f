package io.kirincontract.mock.callbacks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs asynchronous operations with at most {@code max} under way at once, without ever blocking a caller: an
 * operation that finds no free slot waits in a queue and is started by whichever operation frees one. An
 * operation holds its slot from its start until the stage it returns completes.
 */
final class InFlightLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(InFlightLimiter.class);

  private final int max;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentLinkedQueue<Supplier<? extends CompletionStage<?>>> waiting =
      new ConcurrentLinkedQueue<>();
  /** Set while this thread drains, so that an operation completing synchronously does not recurse. */
  private final ThreadLocal<Boolean> draining = ThreadLocal.withInitial(() -> Boolean.FALSE);
  private final Object quiet = new Object();

  InFlightLimiter(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, was " + max);
    }
    this.max = max;
  }

  /** Starts {@code operation} now if a slot is free, otherwise as soon as one is. */
  void submit(Supplier<? extends CompletionStage<?>> operation) {
    waiting.add(operation);
    drain();
  }

  /** Operations under way. */
  int inFlight() {
    return inFlight.get();
  }

  /** Operations waiting for a slot. */
  int waiting() {
    return waiting.size();
  }

  /** Waits until no operation is under way; false if that did not happen within {@code timeout}. */
  boolean awaitQuiet(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (quiet) {
      while (inFlight.get() > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(quiet, remaining);
      }
      return true;
    }
  }

  private void drain() {
    if (draining.get()) {
      return; // the loop further up this thread's stack picks up whatever is waiting
    }
    draining.set(Boolean.TRUE);
    try {
      while (!waiting.isEmpty() && tryAcquire()) {
        Supplier<? extends CompletionStage<?>> operation = waiting.poll();
        if (operation == null) {
          release(); // another thread took it; the loop condition looks again
          continue;
        }
        start(operation);
      }
    } finally {
      draining.set(Boolean.FALSE);
    }
  }

  private void start(Supplier<? extends CompletionStage<?>> operation) {
    CompletionStage<?> stage;
    try {
      stage = operation.get();
    } catch (RuntimeException | Error e) {
      LOG.error("callback operation failed to start", e);
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.completedFuture(null);
    }
    stage.whenComplete(
        (ignored, error) -> {
          release();
          drain();
        });
  }

  private boolean tryAcquire() {
    while (true) {
      int current = inFlight.get();
      if (current >= max) {
        return false;
      }
      if (inFlight.compareAndSet(current, current + 1)) {
        return true;
      }
    }
  }

  private void release() {
    if (inFlight.decrementAndGet() == 0) {
      synchronized (quiet) {
        quiet.notifyAll();
      }
    }
  }
}
