package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.CallbackReceiver.Exchange;
import io.kirincontract.mock.callbacks.internal.CallbackReceiver.Received;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallbackOrderingTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final List<String> STATUSES = List.of("queued", "processing", "completed");

  private static byte[] body(String taskId, String status) {
    return ("{\"id\":\"" + taskId + "\",\"status\":\"" + status + "\"}").getBytes(UTF_8);
  }

  private static List<String> statusesSeen(List<Received> requests, String taskId) {
    return requests.stream().filter(r -> r.taskId().equals(taskId)).map(Received::status).toList();
  }

  @Test
  void aLaterStatusWaitsUntilTheEarlierOneIsDeliveredDespiteRetries() {
    CallbackSettings settings = FastSettings.builder().initialBackoff(Duration.ofMillis(100)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request ->
            request.taskId().equals("slow") && request.status().equals("processing") && request.attempt() <= 2
                ? 500
                : 200);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "slow", "processing", receiver.url(), body("slow", "processing"));
      dispatcher.enqueue("tenant-a", "slow", "completed", receiver.url(), body("slow", "completed"));
      dispatcher.enqueue("tenant-a", "fast", "processing", receiver.url(), body("fast", "processing"));

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<Received> received = receiver.received();
      assertThat(received.stream().filter(r -> r.taskId().equals("slow")))
          .extracting(r -> r.status() + "#" + r.attempt())
          .containsExactly("processing#1", "processing#2", "processing#3", "completed#1");
      assertThat(received.get(received.size() - 1).taskId())
          .as("the other task is not held up by the slow one's retries")
          .isEqualTo("slow");
      assertThat(dispatcher.log().forTask("slow"))
          .extracting(a -> a.status() + " " + a.outcome())
          .containsExactly(
              "processing WILL_RETRY",
              "processing WILL_RETRY",
              "processing DELIVERED",
              "completed DELIVERED");
    }
  }

  @Test
  void aGivenUpStatusReleasesTheNextOneOfTheSameTask() {
    CallbackSettings settings = FastSettings.builder().maxAttempts(2).build();
    try (CallbackReceiver receiver =
            CallbackReceiver.start(request -> request.status().equals("processing") ? 500 : 200);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), body("task-1", "processing"));
      dispatcher.enqueue("tenant-a", "task-1", "failed", receiver.url(), body("task-1", "failed"));

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(receiver.received())
          .extracting(r -> r.status() + "#" + r.attempt())
          .containsExactly("processing#1", "processing#2", "failed#1");
      assertThat(dispatcher.stats().givenUp()).isEqualTo(1);
      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
    }
  }

  @Test
  void theSameTaskIdUnderTwoTenantsIsTwoIndependentTasks() {
    CallbackSettings settings = FastSettings.builder().initialBackoff(Duration.ofMillis(100)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request ->
            new String(request.body(), UTF_8).contains("tenant-a") && request.attempt() == 1 ? 500 : 200);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      byte[] bodyA = "{\"t\":\"tenant-a\"}".getBytes(UTF_8);
      byte[] bodyB = "{\"t\":\"tenant-b\"}".getBytes(UTF_8);
      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), bodyA);
      dispatcher.enqueue("tenant-b", "task-1", "processing", receiver.url(), bodyB);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<String> seen =
          receiver.received().stream().map(r -> new String(r.body(), UTF_8) + "#" + r.attempt()).toList();
      assertThat(seen.subList(0, 2))
          .as("both first attempts go out at once: tenant-b's task is not queued behind tenant-a's")
          .containsExactlyInAnyOrder("{\"t\":\"tenant-a\"}#1", "{\"t\":\"tenant-b\"}#1");
      assertThat(seen.get(2)).isEqualTo("{\"t\":\"tenant-a\"}#2");
      assertThat(seen).hasSize(3);
    }
  }

  /**
   * 500 tasks x 3 statuses, enqueued from four threads, to a receiver that fails about a third of all
   * attempts (each callback fails at most twice in a row, so none is given up).
   */
  @Test
  void manyConcurrentTasksKeepTheirOrderAndNothingIsLostOrDuplicated() throws Exception {
    int tasks = 500;
    CallbackSettings settings =
        FastSettings.builder()
            .initialBackoff(Duration.ofMillis(2))
            .maxBackoff(Duration.ofMillis(20))
            .jitterRatio(0.2)
            .randomSeed(7)
            .maxInFlight(32)
            .build();
    CallbackReceiver.Responder failsAThird =
        request -> Math.floorMod((request.taskId() + request.status()).hashCode() + request.attempt(), 3) == 0
            ? 500
            : 200;
    ExecutorService producers = Executors.newFixedThreadPool(4);
    try (CallbackReceiver receiver = CallbackReceiver.start(failsAThird);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {
      URI url = receiver.url();

      List<Future<?>> done = new ArrayList<>();
      for (int producer = 0; producer < 4; producer++) {
        int first = producer;
        done.add(producers.submit(() -> {
          for (String status : STATUSES) {
            for (int t = first; t < tasks; t += 4) {
              dispatcher.enqueue("tenant-" + (t % 3), "task-" + t, status, url, body("task-" + t, status));
            }
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }

      assertThat(dispatcher.awaitIdle(WAIT)).as("%s", dispatcher.stats()).isTrue();
      List<Exchange> exchanges = receiver.exchanges();
      List<Received> received = exchanges.stream().map(Exchange::request).toList();
      long failures = exchanges.stream().filter(e -> !e.accepted()).count();

      // every task saw its statuses in order: a later one never before the earlier one was accepted
      Map<String, List<String>> acceptedPerTask =
          exchanges.stream()
              .filter(Exchange::accepted)
              .collect(Collectors.groupingBy(
                  e -> e.request().taskId(),
                  LinkedHashMap::new,
                  Collectors.mapping(e -> e.request().status(), Collectors.toList())));
      assertThat(acceptedPerTask).hasSize(tasks);
      assertThat(acceptedPerTask.values()).allSatisfy(statuses -> assertThat(statuses).isEqualTo(STATUSES));
      IntStream.range(0, tasks).forEach(t -> assertThat(dedupe(statusesSeen(received, "task-" + t)))
          .as("task-%d", t)
          .isEqualTo(STATUSES));

      // nothing lost or duplicated beyond retries: each callback's attempts are 1..n, only the last accepted
      Map<String, List<Exchange>> perCallback =
          exchanges.stream()
              .collect(Collectors.groupingBy(e -> e.request().taskId() + "/" + e.request().status()));
      assertThat(perCallback).hasSize(tasks * STATUSES.size());
      assertThat(perCallback.values()).allSatisfy(attempts -> {
        assertThat(attempts).extracting(e -> e.request().attempt())
            .isEqualTo(IntStream.rangeClosed(1, attempts.size()).boxed().toList());
        assertThat(attempts.subList(0, attempts.size() - 1)).noneMatch(Exchange::accepted);
        assertThat(attempts.get(attempts.size() - 1).accepted()).isTrue();
      });

      assertThat(failures).isBetween(300L, 700L); // about a third of the 1,500 first attempts
      assertThat(received).hasSize(tasks * STATUSES.size() + (int) failures);
      CallbackStats stats = dispatcher.stats();
      assertThat(stats.delivered()).isEqualTo(tasks * STATUSES.size());
      assertThat(stats.retries()).isEqualTo(failures);
      assertThat(stats.attempts()).isEqualTo(received.size());
      assertThat(stats.givenUp()).isZero();
      assertThat(stats.pending()).isZero();
      assertThat(dispatcher.log().size()).isEqualTo(received.size());
    } finally {
      producers.shutdownNow();
    }
  }

  private static List<String> dedupe(List<String> statuses) {
    List<String> result = new ArrayList<>();
    for (String status : statuses) {
      if (result.isEmpty() || !result.get(result.size() - 1).equals(status)) {
        result.add(status);
      }
    }
    return result;
  }
}
