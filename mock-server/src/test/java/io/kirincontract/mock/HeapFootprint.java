package io.kirincontract.mock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.rules.internal.RequestView;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.validation.internal.ValidatedRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Measures the heap a stored, finished task costs: creates {@code tasks} tasks through the lifecycle (no HTTP), lets
 * them finish on the manual clock, and compares the heap in use after full collections before and after.
 *
 * <p>Run for a million tasks in a 512 MB heap: {@code java -Xmx512m -cp <test classpath>
 * io.kirincontract.mock.HeapFootprint 1000000 ext}.
 */
public final class HeapFootprint {

  /** What was measured. */
  public record Result(int tasks, long bytes, boolean externalIds) {
    double bytesPerTask() {
      return (double) bytes / tasks;
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%,d finished tasks%s: %,d bytes of heap, %.1f bytes per task",
          tasks,
          externalIds ? " with distinct external ids" : "",
          bytes,
          bytesPerTask());
    }
  }

  private HeapFootprint() {}

  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean externalIds = args.length > 1 && args[1].startsWith("ext");
    System.out.println(measure(tasks, externalIds));
    System.out.println("max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
  }

  /** Creates and finishes {@code tasks} tasks; returns the heap they hold. */
  public static Result measure(int tasks, boolean externalIds) {
    MockConfig config =
        new MockConfig().manualClock(Instant.parse("2026-11-22T10:00:00Z")).maxTasks(Math.max(tasks, 1));
    try (MockRuntime runtime = MockRuntime.create(config)) {
      runtime.lifecycle.start();
      ObjectNode body =
          Bodies.json(
              "{'model': 'kirin_v3_t2v', 'prompt': 'A red fox trots across a snowy meadow at dawn', 'mode': 'pro',"
                  + " 'duration': '10', 'sound': 'on',"
                  + " 'watermark_info': {'enabled': true}}");
      ValidatedRequest template = runtime.validator.validate(body);
      ManualClock clock = (ManualClock) runtime.clock;
      // Warm up every path once, then start from a clean store.
      runtime.lifecycle.submit("warm-up", request(runtime, template, externalIds ? "warm-up" : null), null);
      clock.advance(Duration.ofHours(1));
      runtime.admin.reset();
      long before = usedHeap();
      for (int i = 0; i < tasks; i++) {
        runtime.lifecycle.submit(
            "key-" + (i % 10), request(runtime, template, externalIds ? "order-" + i : null), null);
        if (i % 10_000 == 9_999) {
          clock.advance(Duration.ofMinutes(1));
        }
      }
      clock.advance(Duration.ofHours(1));
      if (runtime.lifecycle.store().size() != tasks || runtime.lifecycle.pendingTransitions() != 0) {
        throw new IllegalStateException("expected " + tasks + " finished tasks");
      }
      long after = usedHeap();
      return new Result(tasks, after - before, externalIds);
    }
  }

  private static ValidatedRequest request(MockRuntime runtime, ValidatedRequest template, String externalId) {
    if (externalId == null) {
      return template;
    }
    ObjectNode body = ((ObjectNode) template.body()).deepCopy().put("external_task_id", externalId);
    return new ValidatedRequest(
        template.profile(),
        body,
        new RequestView(body, runtime.spec.requestSchema(template.model())),
        template.media(),
        template.ignoredParams(),
        template.warnings());
  }

  private static long usedHeap() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
