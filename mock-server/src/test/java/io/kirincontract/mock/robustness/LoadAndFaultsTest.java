package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.admin.AdminTask;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.callbacks.internal.DeliveryAttempt;
import io.kirincontract.mock.callbacks.internal.DeliveryOutcome;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.SpecConformance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thousands of tasks created at once by a pool of clients, with callbacks to a receiver that fails a third of the
 * attempts and stalls on some past the callback timeout, while the test moves the manual clock: nothing is lost,
 * duplicated or delivered out of order. Delivery is at least once: an attempt whose answer comes after the timeout
 * is retried, so the receiver may see it twice (counted as late acceptances). {@code -Dkirin.load.tasks=30000} runs
 * ten times the default.
 */
class LoadAndFaultsTest {

  private static final Logger LOG = LoggerFactory.getLogger(LoadAndFaultsTest.class);

  private static final int CLIENTS = 8;
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(250);

  /** What the test asked of each task, by its index. */
  private record Plan(String key, String externalId, String scenario, List<String> callbacks) {}

  @Test
  void everyTaskFinishesAndEveryCallbackIsDeliveredOrGivenUpInOrderWithNothingLostOrDuplicated() throws Exception {
    int tasks = RobustnessSettings.loadTasks();
    long seed = RobustnessSettings.seed();
    CallbackSettings callbacks =
        CallbackSettings.builder()
            .connectTimeout(Duration.ofSeconds(2))
            .responseTimeout(RESPONSE_TIMEOUT)
            .maxAttempts(MAX_ATTEMPTS)
            .initialBackoff(Duration.ofMillis(20))
            .backoffMultiplier(2.0)
            .maxBackoff(Duration.ofMillis(200))
            .randomSeed(seed)
            .logCapacity(Math.max(100_000, tasks * 6))
            .build();
    long start = System.nanoTime();
    try (FlakyReceiver receiver = new FlakyReceiver(seed, 333, 10, Duration.ofSeconds(1), 32);
        KirinMockServer server =
            KirinMockServer.start(
                config ->
                    config
                        .port(0)
                        .manualClock(Instant.parse("2026-11-22T10:00:00Z"))
                        .mediaFetch(false)
                        .callbackSettings(callbacks))) {
      ManualClock clock = server.manualClock();
      IntFunction<Plan> plan = i -> plan(i);

      // Create every task from a pool of clients; every 25th creation moves the clock by 0.2 s meanwhile.
      Map<String, Integer> createdIds = new ConcurrentHashMap<>();
      AtomicInteger duplicates = new AtomicInteger();
      AtomicInteger next = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        work.add(
            clients.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < tasks; i = next.getAndIncrement()) {
                    Plan p = plan.apply(i);
                    ObjectNode body = body(i, p, receiver.url());
                    MockApi api = new MockApi(server.baseUrl(), p.key());
                    JsonNode task = (p.scenario() == null ? api.create(body) : api.create(body, p.scenario())).assertQueued();
                    if (createdIds.putIfAbsent(task.path("id").asText(), i) != null) {
                      duplicates.incrementAndGet();
                    }
                    if (i % 25 == 24) {
                      clock.advance(Duration.ofMillis(200));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> w : work) {
        w.get();
      }
      clients.shutdown();
      long created = System.nanoTime();

      clock.advance(Duration.ofHours(1)); // every task reaches its end
      assertThat(server.admin().awaitCallbacks(Duration.ofMinutes(3))).as("callbacks settle").isTrue();
      long settled = System.nanoTime();

      // No task lost or duplicated: as many distinct ids as requests, each external id finds its own task.
      assertThat(duplicates.get()).isZero();
      assertThat(createdIds).hasSize(tasks);
      assertThat(server.admin().taskCount()).isEqualTo(tasks);
      Map<String, AdminTask> stored = new HashMap<>();
      for (int offset = 0; offset < tasks; offset += TaskQuery.MAX_LIMIT) {
        server.admin().tasks(TaskQuery.all().page(offset, TaskQuery.MAX_LIMIT)).forEach(t -> stored.put(t.task().id(), t));
      }
      assertThat(stored.keySet()).isEqualTo(createdIds.keySet());
      assertExternalIdsFindTheirTasks(server, createdIds, plan);

      // Every task finished as planned.
      Map<String, String> finalStatus = new HashMap<>();
      stored.forEach((id, t) -> finalStatus.put(id, t.task().status().wireName()));
      createdIds.forEach(
          (id, i) -> assertThat(finalStatus.get(id)).as("task %d", i).isEqualTo(last(plan.apply(i).callbacks())));

      // The delivery log: per task, the planned statuses in order, each delivered once or given up after the
      // documented attempts.
      List<DeliveryAttempt> log = server.admin().deliveries();
      Map<String, List<DeliveryAttempt>> byTask =
          log.stream().collect(Collectors.groupingBy(DeliveryAttempt::taskId));
      Map<String, List<FlakyReceiver.Arrival>> arrivals =
          receiver.arrivals().stream().collect(Collectors.groupingBy(FlakyReceiver.Arrival::taskId));
      int givenUp = 0;
      int delivered = 0;
      int late = 0;
      for (Map.Entry<String, Integer> entry : createdIds.entrySet()) {
        String id = entry.getKey();
        List<String> expected = plan.apply(entry.getValue()).callbacks();
        List<DeliveryAttempt> attempts = byTask.getOrDefault(id, List.of());
        assertThat(attempts.stream().map(DeliveryAttempt::status).distinct().toList())
            .as("callback statuses of %s", id)
            .isEqualTo(expected);
        for (String status : expected) {
          List<DeliveryAttempt> ofStatus = attempts.stream().filter(a -> a.status().equals(status)).toList();
          assertThat(ofStatus).extracting(DeliveryAttempt::attempt).as("attempts of %s %s", id, status)
              .isEqualTo(range(ofStatus.size()));
          DeliveryAttempt lastAttempt = ofStatus.get(ofStatus.size() - 1);
          assertThat(ofStatus.subList(0, ofStatus.size() - 1))
              .allMatch(attempt -> attempt.outcome() == DeliveryOutcome.WILL_RETRY, "retried");
          if (lastAttempt.outcome() == DeliveryOutcome.GAVE_UP) {
            givenUp++;
            assertThat(ofStatus).as("given up after the documented attempts").hasSize(MAX_ATTEMPTS);
          } else {
            delivered++;
            assertThat(lastAttempt.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(receiver.decide(id, status, lastAttempt.attempt()))
                .as("a delivery the receiver accepted").isEqualTo(FlakyReceiver.Decision.ACCEPT);
          }
        }
        assertInOrder(id, expected, attempts, arrivals.getOrDefault(id, List.of()));
        late += lateAcceptances(id, attempts, arrivals.getOrDefault(id, List.of()));
        assertTheLastCallbackIsTheFinalTask(id, expected, arrivals.getOrDefault(id, List.of()));
      }

      CallbackStats stats = server.admin().callbackStats();
      assertThat(stats.dropped()).isZero();
      assertThat(stats.pending()).isZero();
      assertThat(stats.delivered()).isEqualTo(delivered);
      assertThat(stats.givenUp()).isEqualTo(givenUp);
      assertThat(stats.enqueued()).isEqualTo(stats.delivered() + stats.givenUp());
      assertThat(Health.answers(server.port(), Duration.ofSeconds(10))).isTrue();

      List<FlakyReceiver.Arrival> all = receiver.arrivals();
      long failed = all.stream().filter(a -> a.decision() == FlakyReceiver.Decision.FAIL).count();
      long stalled = all.stream().filter(a -> a.decision() == FlakyReceiver.Decision.STALL).count();
      long completed = finalStatus.values().stream().filter("completed"::equals).count();
      LOG.info(
          "load: {} tasks ({} completed, {} failed) created by {} clients in {} ms, callbacks settled {} ms later;"
              + " callbacks {}, attempts {}, delivered {}, retries {}, given up {} (after {} attempts each);"
              + " receiver answered 500 to {} and stalled past the {} ms timeout on {}, accepted {} whose answer"
              + " came too late (so received twice); lost 0, duplicated 0, out of order 0 (seed {})",
          tasks,
          completed,
          tasks - completed,
          CLIENTS,
          (created - start) / 1_000_000,
          (settled - created) / 1_000_000,
          stats.enqueued(),
          stats.attempts(),
          stats.delivered(),
          stats.retries(),
          stats.givenUp(),
          MAX_ATTEMPTS,
          failed,
          RESPONSE_TIMEOUT.toMillis(),
          stalled,
          late,
          seed);
    }
  }

  /** Task i: one of four keys, its own external id; one in ten fails while queued, one in ten while processing. */
  private static Plan plan(int i) {
    String key = "load-key-" + i % 4;
    String externalId = "load-" + i;
    return switch (i % 10) {
      case 0 -> new Plan(key, externalId, "fail=default@queued", List.of("failed"));
      case 1 -> new Plan(key, externalId, "fail=default@processing", List.of("processing", "failed"));
      default -> new Plan(key, externalId, null, List.of("processing", "completed"));
    };
  }

  private static ObjectNode body(int i, Plan plan, String callbackUrl) {
    ObjectNode body =
        switch (i % 3) {
          case 0 -> Bodies.v3t2v();
          case 1 -> Bodies.o1();
          default -> Bodies.v2t2v();
        };
    return body.put("external_task_id", plan.externalId()).put("callback_url", callbackUrl);
  }

  private static void assertExternalIdsFindTheirTasks(
      KirinMockServer server, Map<String, Integer> createdIds, IntFunction<Plan> plan) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> checks = new ArrayList<>();
      createdIds.forEach(
          (id, i) ->
              checks.add(
                  pool.submit(
                      () -> {
                        Plan p = plan.apply(i);
                        JsonNode found =
                            new MockApi(server.baseUrl(), p.key())
                                .get("/v1/videos/generations/external/" + p.externalId())
                                .json();
                        assertThat(found.path("id").asText()).as("external id %s", p.externalId()).isEqualTo(id);
                      })));
      for (Future<?> check : checks) {
        check.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * Per task, a later status is sent only once the earlier one is done: in the delivery log its first attempt comes
   * after (and starts no sooner than) the earlier status's last attempt; at the receiver, the deliveries arrive in
   * the order of the statuses.
   */
  private static void assertInOrder(
      String id, List<String> expected, List<DeliveryAttempt> attempts, List<FlakyReceiver.Arrival> arrivals) {
    for (int s = 1; s < expected.size(); s++) {
      String earlier = expected.get(s - 1);
      String later = expected.get(s);
      int lastEarlier = -1;
      int firstLater = -1;
      for (int i = 0; i < attempts.size(); i++) {
        if (attempts.get(i).status().equals(earlier)) {
          lastEarlier = i;
        } else if (attempts.get(i).status().equals(later) && firstLater < 0) {
          firstLater = i;
        }
      }
      assertThat(firstLater).as("%s: %s logged after %s is done", id, later, earlier).isGreaterThan(lastEarlier);
      assertThat(attempts.get(firstLater).startedAt())
          .as("%s: %s started after %s's last attempt", id, later, earlier)
          .isAfterOrEqualTo(attempts.get(lastEarlier).startedAt());
    }
    List<String> delivered =
        arrivals.stream()
            .filter(arrival -> attempts.stream().anyMatch(a -> a.outcome() == DeliveryOutcome.DELIVERED
                && a.status().equals(arrival.status()) && a.attempt() == arrival.attempt()))
            .sorted(Comparator.comparingLong(FlakyReceiver.Arrival::sequence))
            .map(FlakyReceiver.Arrival::status)
            .toList();
    assertThat(delivered)
        .as("deliveries of %s in arrival order", id)
        .isEqualTo(expected.stream().filter(delivered::contains).toList());
  }

  /**
   * Every attempt the receiver accepted is the one the log shows delivered, or one whose answer did not reach the
   * sender in time (logged as retried with no HTTP status): delivery is at least once, never a second delivery the
   * sender knows of. Returns how many such late acceptances the task had.
   */
  private static int lateAcceptances(
      String id, List<DeliveryAttempt> attempts, List<FlakyReceiver.Arrival> arrivals) {
    int late = 0;
    for (FlakyReceiver.Arrival arrival : arrivals) {
      if (arrival.decision() != FlakyReceiver.Decision.ACCEPT) {
        continue;
      }
      DeliveryAttempt logged =
          attempts.stream()
              .filter(a -> a.status().equals(arrival.status()) && a.attempt() == arrival.attempt())
              .findFirst()
              .orElseThrow(() -> new AssertionError("no logged attempt for " + id + " " + arrival));
      if (logged.outcome() != DeliveryOutcome.DELIVERED) {
        assertThat(logged.httpStatus())
            .as("%s %s attempt %d was accepted but logged %s", id, arrival.status(), arrival.attempt(), logged)
            .isNull();
        late++;
      }
    }
    return late;
  }

  /** The terminal callback's body is the finished Task, valid against the spec. */
  private static void assertTheLastCallbackIsTheFinalTask(
      String id, List<String> expected, List<FlakyReceiver.Arrival> arrivals) {
    String terminal = last(expected);
    arrivals.stream()
        .filter(a -> a.status().equals(terminal))
        .findFirst()
        .ifPresent(
            arrival -> {
              String body = new String(arrival.body(), StandardCharsets.UTF_8);
              SpecConformance.assertConforms("GET", "/v1/videos/generations/" + id, 200, body);
              assertThat(body).contains("\"id\":\"" + id + "\"", "\"status\":\"" + terminal + "\"");
            });
  }

  private static List<Integer> range(int n) {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      numbers.add(i);
    }
    return numbers;
  }

  private static <T> T last(List<T> list) {
    return list.get(list.size() - 1);
  }
}
