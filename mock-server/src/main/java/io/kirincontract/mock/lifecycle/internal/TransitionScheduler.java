package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When each unfinished task next changes status, on the mock clock. Entries are hints: when one falls due the
 * lifecycle looks at the task and announces whatever changed, so an entry made stale by a control operation does
 * no harm. Only unfinished tasks have entries; a finished task costs the scheduler nothing.
 *
 * <p>Driven in one of two ways: by a {@link ManualClock}, which fires due entries on the thread that advances it,
 * or by a daemon thread that waits in real time for the next entry ({@link #startThread}).
 *
 * <p>Scheduling takes no lock: a new entry goes into a lock-free inbox, and whoever reads the queue (the thread, or
 * the manual clock's advance) first moves the inbox into it under the lock. Every create schedules an entry, and
 * with many more request threads than cores a lock taken per create made convoys behind a preempted holder. The
 * thread is woken only when a new entry falls due before the time it is waiting for.
 */
final class TransitionScheduler implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TransitionScheduler.class);
  private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private record Due(long millis, long sequence, TaskRecord task) implements Comparable<Due> {
    @Override
    public int compareTo(Due other) {
      int byTime = Long.compare(millis, other.millis);
      return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
    }
  }

  private final MockClock clock;
  private final Consumer<TaskRecord> onDue;
  private final ReentrantLock lock = new ReentrantLock();
  /** Guarded by {@code lock}. */
  private final PriorityQueue<Due> queue = new PriorityQueue<>();
  /** Entries scheduled and not yet moved into {@code queue}, with their times. */
  private final ConcurrentLinkedQueue<Due> inbox = new ConcurrentLinkedQueue<>();
  /** Guarded by {@code lock}. */
  private long sequence;
  /**
   * The mock time the thread sleeps until; {@link Long#MIN_VALUE} while it is awake (it looks at the inbox before it
   * sleeps again, so nobody needs to wake it).
   */
  private volatile long sleepingUntil = Long.MIN_VALUE;
  private volatile Thread thread;
  private Runnable unregister = () -> {};
  private volatile boolean closed;

  TransitionScheduler(MockClock clock, Consumer<TaskRecord> onDue) {
    this.clock = clock;
    this.onDue = onDue;
  }

  /** Drives this scheduler from the clock: a manual clock's advances, or a real-time thread. */
  void start() {
    if (clock instanceof ManualClock manual) {
      unregister =
          manual.register(
              new ManualClock.Listener() {
                @Override
                public long nextDue() {
                  return TransitionScheduler.this.nextDue();
                }

                @Override
                public void fireDue(long nowMillis) {
                  pollDue(nowMillis).forEach(TransitionScheduler.this::fire);
                }
              });
    } else {
      startThread();
    }
  }

  /** Looks at {@code task} again at {@code millis} (mock time); {@link TaskRecord#NEVER} is ignored. */
  void schedule(long millis, TaskRecord task) {
    if (millis == TaskRecord.NEVER || closed) {
      return;
    }
    inbox.add(new Due(millis, 0, task));
    // The inbox is written before sleepingUntil is read; the thread writes sleepingUntil before it reads the inbox
    // for the last time: one of the two sees the other.
    Thread sleeper = thread;
    if (sleeper != null && millis < sleepingUntil) {
      LockSupport.unpark(sleeper);
    }
  }

  /** The earliest entry's time, or {@link Long#MAX_VALUE}. */
  long nextDue() {
    lock.lock();
    try {
      drainInbox();
      Due head = queue.peek();
      return head == null ? Long.MAX_VALUE : head.millis();
    } finally {
      lock.unlock();
    }
  }

  /** Entries waiting. */
  int size() {
    lock.lock();
    try {
      drainInbox();
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every entry (reset). */
  void clear() {
    lock.lock();
    try {
      inbox.clear();
      queue.clear();
    } finally {
      lock.unlock();
    }
    Thread sleeper = thread;
    if (sleeper != null) {
      LockSupport.unpark(sleeper);
    }
  }

  private List<TaskRecord> pollDue(long nowMillis) {
    List<TaskRecord> due = new ArrayList<>();
    lock.lock();
    try {
      drainInbox();
      while (!queue.isEmpty() && queue.peek().millis() <= nowMillis) {
        due.add(queue.poll().task());
      }
    } finally {
      lock.unlock();
    }
    return due;
  }

  /** Moves the inbox into the queue, numbering entries in the order they are moved (ties fire in that order). */
  private void drainInbox() {
    for (Due due = inbox.poll(); due != null; due = inbox.poll()) {
      queue.add(new Due(due.millis(), sequence++, due.task()));
    }
  }

  private void fire(TaskRecord task) {
    try {
      onDue.accept(task);
    } catch (RuntimeException e) {
      LOG.error("lifecycle transition of {} failed", task.id(), e);
    }
  }

  private void startThread() {
    Thread started = new Thread(this::run, "kirin-lifecycle");
    started.setDaemon(true);
    thread = started;
    started.start();
  }

  private void run() {
    while (!closed) {
      long headMillis = nextDue();
      long wait = headMillis == Long.MAX_VALUE ? MAX_WAIT_NANOS : clock.realNanosUntil(headMillis);
      if (wait > 0) {
        sleepingUntil = headMillis;
        if (!earlierInInbox(headMillis)) {
          LockSupport.parkNanos(this, Math.min(wait, MAX_WAIT_NANOS));
        }
        sleepingUntil = Long.MIN_VALUE;
        if (Thread.interrupted()) {
          return;
        }
        continue;
      }
      pollDue(clock.millis()).forEach(this::fire);
    }
  }

  /** Whether an entry waiting in the inbox falls due before {@code millis}. */
  private boolean earlierInInbox(long millis) {
    for (Due due : inbox) {
      if (due.millis() < millis) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    closed = true;
    unregister.run();
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(TimeUnit.SECONDS.toMillis(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    clear();
  }
}
