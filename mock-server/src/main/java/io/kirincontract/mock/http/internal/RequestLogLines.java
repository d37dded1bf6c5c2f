package io.kirincontract.mock.http.internal;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The request log's lines on their way from the request threads to one writer thread of the JVM. A request thread
 * only adds its line to a lock-free queue; the writer takes the lines in batches (it waits {@value #LINGER_MICROS} µs
 * after each batch, so that under load it wakes about 250 times a second, not once per request, and each write to
 * stderr carries a batch of lines) and sleeps once there have been none for {@value #IDLE_LINGERS} lingers in a row,
 * woken by the next line. After each batch the
 * sink is told, so that it can write the batch out at once ({@link BatchedStderrAppender}). Beyond {@value #CAPACITY}
 * lines waiting, lines are dropped rather than the server slowed, as the asynchronous appender did before.
 */
final class RequestLogLines {

  /** One line: when it was logged, on which thread, and its text. */
  record Line(long millis, String thread, String message) {}

  /** Where the lines go: each line in turn, then the end of the batch it was in. */
  interface Sink extends Consumer<Line> {
    /** After the last line of a batch: write out whatever was buffered. */
    default void endOfBatch() {}
  }

  static final int CAPACITY = 8192;
  /**
   * How long the writer waits after a batch: a line is out within about this long. 4 ms rather than 1: profiled under
   * refused creates, the log's thread took 1.45 µs of CPU per request at 1 ms and 0.97 µs at 4 ms (a quarter of the
   * writes and wake-ups); no reader of a log needs its lines sooner.
   */
  static final long LINGER_MICROS = 4000;
  /**
   * Lingers in a row without a line before the writer sleeps until woken: under uneven load a writer that slept after
   * every empty linger was woken (an unpark on a request thread) many times a second. 20 ms in all.
   */
  static final int IDLE_LINGERS = 5;

  private final ConcurrentLinkedQueue<Line> lines = new ConcurrentLinkedQueue<>();
  private final AtomicInteger waiting = new AtomicInteger();
  private final AtomicBoolean sleeping = new AtomicBoolean();
  private final Sink sink;
  private final Thread writer;

  RequestLogLines(Sink sink) {
    this.sink = sink;
    this.writer = new Thread(this::write, "kirin-request-log");
    writer.setDaemon(true);
    writer.start();
    Runtime.getRuntime().addShutdownHook(new Thread(this::drain, "kirin-request-log-flush"));
  }

  /** Queues a line; false when it was dropped (too many waiting). */
  boolean offer(Line line) {
    if (waiting.incrementAndGet() > CAPACITY) {
      waiting.decrementAndGet();
      return false;
    }
    lines.offer(line);
    if (sleeping.get() && sleeping.compareAndSet(true, false)) {
      LockSupport.unpark(writer);
    }
    return true;
  }

  private void write() {
    int idle = 0;
    while (true) {
      drain();
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(LINGER_MICROS));
      if (!lines.isEmpty()) {
        idle = 0;
      } else if (++idle >= IDLE_LINGERS) {
        idle = 0;
        sleeping.set(true);
        while (sleeping.get() && lines.isEmpty()) {
          LockSupport.park(this);
        }
        sleeping.set(false);
      }
    }
  }

  /** Writes every line waiting now (synchronized: the writer and the shutdown hook may both drain). */
  private synchronized void drain() {
    boolean any = false;
    for (Line line; (line = lines.poll()) != null; ) {
      waiting.decrementAndGet();
      any = true;
      try {
        sink.accept(line);
      } catch (RuntimeException e) {
        // a failing appender must not end the writer; the line is lost, as it would be on the request thread
      }
    }
    if (any) {
      try {
        sink.endOfBatch();
      } catch (RuntimeException e) {
        // as above: the batch is lost, the writer goes on
      }
    }
  }
}
