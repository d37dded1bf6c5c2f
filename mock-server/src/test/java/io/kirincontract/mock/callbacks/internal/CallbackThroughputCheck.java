package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Standalone throughput check, not a unit test: delivers callbacks to a local receiver and prints deliveries
 * per second. Run from {@code mock-server/} after {@code mvn -pl mock-server -am test-compile}:
 *
 * <pre>{@code
 * java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
 *     io.kirincontract.mock.callbacks.internal.CallbackThroughputCheck [tasks] [statusesPerTask] [maxInFlightPerReceiver]
 * }</pre>
 *
 * (with {@code target/cp.txt} from {@code mvn dependency:build-classpath -Dmdep.outputFile=target/cp.txt}).
 * Each task gets {@code statusesPerTask} callbacks, so per-task ordering is exercised too. A warm-up round
 * runs first.
 */
public final class CallbackThroughputCheck {

  private CallbackThroughputCheck() {}

  public static void main(String[] args) {
    int tasks = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int statuses = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    byte[] body = sampleTask().getBytes(UTF_8);
    CallbackSettings settings =
        args.length > 2
            ? CallbackSettings.builder().maxInFlightPerReceiver(Integer.parseInt(args[2])).build()
            : CallbackSettings.defaults();

    try (CallbackReceiver receiver = CallbackReceiver.start(request -> 200, 4);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {
      run(dispatcher, receiver.url(), "warmup", Math.max(1, tasks / 5), statuses, body);
      long start = System.nanoTime();
      run(dispatcher, receiver.url(), "run", tasks, statuses, body);
      double seconds = (System.nanoTime() - start) / 1e9;
      CallbackStats stats = dispatcher.stats();
      long delivered = (long) tasks * statuses;
      System.out.printf(
          Locale.ROOT,
          "%d deliveries (%d tasks x %d statuses) in %.2f s: %.0f deliveries/s; %s; "
              + "%d processors, maxInFlight %d, per receiver %d%n",
          delivered,
          tasks,
          statuses,
          seconds,
          delivered / seconds,
          stats,
          Runtime.getRuntime().availableProcessors(),
          settings.maxInFlight(),
          settings.maxInFlightPerReceiver());
    }
  }

  private static void run(
      CallbackDispatcher dispatcher, URI url, String prefix, int tasks, int statuses, byte[] body) {
    for (int s = 0; s < statuses; s++) {
      String status = "status-" + s;
      for (int t = 0; t < tasks; t++) {
        dispatcher.enqueue("bench", prefix + "-" + t, status, url, body);
      }
    }
    if (!dispatcher.awaitIdle(Duration.ofMinutes(5))) {
      throw new IllegalStateException("deliveries did not finish: " + dispatcher.stats());
    }
  }

  private static String sampleTask() {
    return "{\"id\":\"task-0001\",\"model\":\"kirin_v3_t2v\",\"status\":\"completed\","
        + "\"external_task_id\":\"ext-0001\",\"created_at\":\"2026-11-22T10:00:00Z\","
        + "\"updated_at\":\"2026-11-22T10:00:30Z\",\"output\":{\"content\":[{\"type\":\"video\","
        + "\"url\":\"http://127.0.0.1:8080/files/task-0001.mp4\",\"duration\":5,\"jobId\":\"job-0001\"}]},"
        + "\"usage\":{\"cost\":\"0.3500\",\"discount\":0},\"metadata\":{\"resolution\":\"720p\",\"fps\":24,"
        + "\"aspect_ratio\":\"16:9\",\"duration\":5,\"mode\":\"std\"}}";
  }
}
