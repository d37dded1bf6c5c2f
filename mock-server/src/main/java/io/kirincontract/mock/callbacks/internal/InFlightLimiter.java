package io.kirincontract.mock.callbacks.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs asynchronous operations with at most {@code max} under way at once, and at most a fair share of them per
 * receiver and per key, without ever blocking a caller. An operation that finds no free slot, or whose receiver or
 * key already holds its share, waits in its group's queue (one group per receiver and key) and is started when a
 * slot frees. Groups take turns: a receiver with thousands of operations waiting does not delay another receiver's
 * next one, and a receiver whose operations stall holds no more than its share. An operation holds its slot from
 * its start until the stage it returns completes.
 */
final class InFlightLimiter {

  private static final Logger LOG = LoggerFactory.getLogger(InFlightLimiter.class);

  private record Group(String receiver, String key) {}

  private final int max;
  private final int perReceiver;
  private final int perKey;
  private final Object lock = new Object();
  /** Waiting operations per group; a group is here, and in {@link #turns}, exactly while it has some. */
  private final Map<Group, ArrayDeque<Supplier<? extends CompletionStage<?>>>> waiting = new HashMap<>();
  private final ArrayDeque<Group> turns = new ArrayDeque<>();
  private final Map<String, Integer> byReceiver = new HashMap<>();
  private final Map<String, Integer> byKey = new HashMap<>();
  private int inFlight;
  private int waitingCount;
  /** Set while this thread drains, so that an operation completing synchronously does not recurse. */
  private final ThreadLocal<boolean[]> draining = ThreadLocal.withInitial(() -> new boolean[2]);

  /** At most {@code max} at once, with no per-receiver or per-key share. */
  InFlightLimiter(int max) {
    this(max, max, max);
  }

  /** At most {@code max} at once, {@code perReceiver} to one receiver and {@code perKey} for one key. */
  InFlightLimiter(int max, int perReceiver, int perKey) {
    if (max < 1 || perReceiver < 1 || perKey < 1) {
      throw new IllegalArgumentException(
          "limits must be at least 1, were " + max + ", " + perReceiver + ", " + perKey);
    }
    this.max = max;
    this.perReceiver = perReceiver;
    this.perKey = perKey;
  }

  /** Starts {@code operation} now if a slot is free, otherwise as soon as one is (one shared group). */
  void submit(Supplier<? extends CompletionStage<?>> operation) {
    submit("", "", operation);
  }

  /** Starts {@code operation} for {@code receiver} and {@code key} as soon as a slot and their shares allow. */
  void submit(String receiver, String key, Supplier<? extends CompletionStage<?>> operation) {
    Group group = new Group(receiver, key);
    synchronized (lock) {
      waiting.computeIfAbsent(
              group,
              g -> {
                turns.addLast(g);
                return new ArrayDeque<>();
              })
          .addLast(operation);
      waitingCount++;
    }
    drain();
  }

  /** Operations under way. */
  int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  /** Operations under way for {@code receiver}. */
  int inFlight(String receiver) {
    synchronized (lock) {
      return byReceiver.getOrDefault(receiver, 0);
    }
  }

  /** Operations waiting for a slot. */
  int waiting() {
    synchronized (lock) {
      return waitingCount;
    }
  }

  /** Waits until no operation is under way; false if that did not happen within {@code timeout}. */
  boolean awaitQuiet(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      while (inFlight > 0) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, remaining);
      }
      return true;
    }
  }

  private void drain() {
    boolean[] state = draining.get();
    if (state[0]) {
      state[1] = true; // the loop further up this thread's stack looks again
      return;
    }
    state[0] = true;
    try {
      do {
        state[1] = false;
        for (Started started : takeStartable()) {
          start(started);
        }
      } while (state[1]);
    } finally {
      state[0] = false;
    }
  }

  private record Started(Group group, Supplier<? extends CompletionStage<?>> operation) {}

  /** Takes every operation that may start now, giving each group a turn in order; counts their slots. */
  private List<Started> takeStartable() {
    List<Started> startable = new ArrayList<>();
    synchronized (lock) {
      int blockedInARow = 0;
      while (inFlight < max && blockedInARow < turns.size()) {
        Group group = turns.pollFirst();
        if (byReceiver.getOrDefault(group.receiver(), 0) >= perReceiver
            || byKey.getOrDefault(group.key(), 0) >= perKey) {
          turns.addLast(group);
          blockedInARow++;
          continue;
        }
        ArrayDeque<Supplier<? extends CompletionStage<?>>> queue = waiting.get(group);
        startable.add(new Started(group, queue.pollFirst()));
        waitingCount--;
        inFlight++;
        byReceiver.merge(group.receiver(), 1, Integer::sum);
        byKey.merge(group.key(), 1, Integer::sum);
        if (queue.isEmpty()) {
          waiting.remove(group);
        } else {
          turns.addLast(group);
        }
        blockedInARow = 0;
      }
    }
    return startable;
  }

  private void start(Started started) {
    CompletionStage<?> stage;
    try {
      stage = started.operation().get();
    } catch (RuntimeException | Error e) {
      LOG.error("callback operation failed to start", e);
      stage = CompletableFuture.failedFuture(e);
    }
    if (stage == null) {
      stage = CompletableFuture.completedFuture(null);
    }
    stage.whenComplete(
        (ignored, error) -> {
          release(started.group());
          drain();
        });
  }

  private void release(Group group) {
    synchronized (lock) {
      inFlight--;
      decrement(byReceiver, group.receiver());
      decrement(byKey, group.key());
      if (inFlight == 0) {
        lock.notifyAll();
      }
    }
  }

  private static void decrement(Map<String, Integer> counts, String name) {
    counts.computeIfPresent(name, (k, count) -> count == 1 ? null : count - 1);
  }
}
