package io.kirincontract.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.validation.internal.ValidatedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark's scale figures, printed (run by {@code mock-server/bench/run-benchmark.sh} with {@code -Xmx512m}):
 *
 * <ol>
 *   <li>heap bytes per stored finished task (a million tasks with distinct external ids);
 *   <li>the largest number of tasks held in this heap, finished and in flight, with the lifecycle on a fast (manual)
 *       clock: tasks are created until the heap in use after a full collection passes 90% of the maximum;
 *   <li>callback deliveries per second from the mock's lifecycle to a local receiver.
 * </ol>
 */
public final class ScaleBench {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    System.out.println("max heap: " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    System.out.println("heap per task: " + HeapFootprint.measure(1_000_000, true));
    System.out.println("capacity: " + capacity());
    System.out.println("callbacks: " + callbacks(10_000));
  }

  /** Creates tasks (a tenth of them left in flight at any time) until the heap is 90% full. */
  static String capacity() {
    MockConfig config =
        new MockConfig().manualClock(START).maxTasks(Integer.MAX_VALUE).maxTasksPerKey(Integer.MAX_VALUE);
    try (MockRuntime runtime = MockRuntime.create(config)) {
      runtime.lifecycle.start();
      ValidatedRequest template = runtime.validator.validate(textTask(null));
      ManualClock clock = (ManualClock) runtime.clock;
      long max = Runtime.getRuntime().maxMemory();
      long base = usedHeap();
      int created = 0;
      try {
        while (true) {
          for (int i = 0; i < 100_000; i++) {
            runtime.lifecycle.submit("key-" + (created % 10), template, null);
            created++;
            if (created % 10_000 == 0) {
              clock.advance(Duration.ofSeconds(3)); // the oldest batches finish, the newest stay in flight
            }
          }
          long used = usedHeap();
          if (used > max * 0.9) {
            return String.format(
                Locale.ROOT,
                "%,d tasks held (%,d status changes still due) with %,d MiB of %,d MiB heap in use (%.0f bytes per task)",
                created,
                runtime.lifecycle.pendingTransitions(),
                used / (1024 * 1024),
                max / (1024 * 1024),
                (double) (used - base) / created);
          }
        }
      } catch (OutOfMemoryError e) {
        return String.format(Locale.ROOT, "%,d tasks created before running out of heap", created);
      }
    }
  }

  /** Finishes {@code tasks} tasks with a callback_url at once and measures how fast the callbacks arrive. */
  static String callbacks(int tasks) throws IOException, InterruptedException {
    AtomicLong received = new AtomicLong();
    CountDownLatch all = new CountDownLatch(tasks * 2);
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    receiver.setExecutor(Executors.newFixedThreadPool(8));
    receiver.createContext(
        "/callback",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
          received.incrementAndGet();
          all.countDown();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/callback";
    MockConfig config =
        new MockConfig().manualClock(START).maxTasks(Integer.MAX_VALUE).maxTasksPerKey(Integer.MAX_VALUE);
    try (MockRuntime runtime = MockRuntime.create(config)) {
      runtime.lifecycle.start();
      ValidatedRequest template = runtime.validator.validate(textTask(url));
      for (int i = 0; i < tasks; i++) {
        runtime.lifecycle.submit("key-" + (i % 10), template, null);
      }
      long t0 = System.nanoTime();
      ((ManualClock) runtime.clock).advance(Duration.ofHours(1)); // every task: processing, then completed
      boolean done = all.await(5, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - t0) / 1e9;
      return String.format(
          Locale.ROOT,
          "%,d deliveries in %.2f s = %,.0f deliveries/s%s (%s)",
          received.get(),
          seconds,
          received.get() / seconds,
          done ? "" : " (INCOMPLETE)",
          runtime.lifecycle.callbackStats());
    } finally {
      receiver.stop(0);
      ((java.util.concurrent.ExecutorService) receiver.getExecutor()).shutdownNow();
    }
  }

  private static ObjectNode textTask(String callbackUrl) {
    ObjectNode body =
        Bodies.json(
            "{'model': 'kirin_v3_t2v', 'prompt': 'A red fox trots across a snowy meadow at dawn', 'mode': 'std',"
                + " 'duration': '5'}");
    if (callbackUrl != null) {
      body.put("callback_url", callbackUrl);
    }
    return body;
  }

  private static long usedHeap() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
