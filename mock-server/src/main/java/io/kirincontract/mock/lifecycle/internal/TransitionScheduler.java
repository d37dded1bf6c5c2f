package io.kirincontract.mock.lifecycle.internal;

import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.internal.TaskRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
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
  private final Condition changed = lock.newCondition();
  private final PriorityQueue<Due> queue = new PriorityQueue<>();
  private long sequence;
  private Thread thread;
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
    lock.lock();
    try {
      Due due = new Due(millis, sequence++, task);
      queue.add(due);
      if (queue.peek() == due) {
        changed.signalAll();
      }
    } finally {
      lock.unlock();
    }
  }

  /** The earliest entry's time, or {@link Long#MAX_VALUE}. */
  long nextDue() {
    lock.lock();
    try {
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
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets every entry (reset). */
  void clear() {
    lock.lock();
    try {
      queue.clear();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private List<TaskRecord> pollDue(long nowMillis) {
    List<TaskRecord> due = new ArrayList<>();
    lock.lock();
    try {
      while (!queue.isEmpty() && queue.peek().millis() <= nowMillis) {
        due.add(queue.poll().task());
      }
    } finally {
      lock.unlock();
    }
    return due;
  }

  private void fire(TaskRecord task) {
    try {
      onDue.accept(task);
    } catch (RuntimeException e) {
      LOG.error("lifecycle transition of {} failed", task.id(), e);
    }
  }

  private void startThread() {
    thread = new Thread(this::run, "kirin-lifecycle");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (!closed) {
      List<TaskRecord> due;
      lock.lock();
      try {
        Due head = queue.peek();
        long wait = head == null ? MAX_WAIT_NANOS : clock.realNanosUntil(head.millis());
        if (wait > 0) {
          changed.awaitNanos(Math.min(wait, MAX_WAIT_NANOS));
          continue;
        }
        due = new ArrayList<>();
        long now = clock.millis();
        while (!queue.isEmpty() && queue.peek().millis() <= now) {
          due.add(queue.poll().task());
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      due.forEach(this::fire);
    }
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
