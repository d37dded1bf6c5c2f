package io.kirincontract.mock.lifecycle;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.DeliveryAttempt;
import io.kirincontract.mock.callbacks.internal.DeliveryOutcome;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.CallbackSink;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.SpecConformance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Callbacks to a real local receiver: every status change once, in order, with the Task exactly as {@code GET}
 * returned it in that status; retries for a receiver that fails at first; a receiver that never answers is given up;
 * every attempt is in the delivery log.
 */
class TaskCallbacksTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static KirinMockServer server;
  private static MockApi api;
  private static ManualClock clock;
  private final List<CallbackSink> sinks = new ArrayList<>();

  @BeforeAll
  static void start() {
    CallbackSettings fast =
        CallbackSettings.builder()
            .connectTimeout(Duration.ofMillis(500))
            .responseTimeout(Duration.ofMillis(400))
            .initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(100))
            .maxAttempts(3)
            .shutdownTimeout(Duration.ofMillis(500))
            .build();
    server =
        KirinMockServer.start(
            config -> config.port(0).manualClock(Instant.parse("2026-11-22T10:00:00Z")).callbackSettings(fast));
    api = new MockApi(server.baseUrl(), "tenant-a");
    clock = server.manualClock();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.admin().reset();
  }

  @AfterEach
  void closeSinks() {
    sinks.forEach(CallbackSink::close);
  }

  @Test
  void eachStatusChangeIsPostedOnceInOrderWithTheTaskAsGetReturnedIt() {
    CallbackSink sink = sink(CallbackSink.accepting());
    String id = create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url())));
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    assertThat(sink.count()).as("creation is no status change").isZero();

    clock.advance(Duration.ofSeconds(1));
    String processing = api.get("/v1/videos/generations/" + id).raw();
    await().atMost(WAIT).until(() -> sink.count() == 1);
    CallbackSink.Received first = sink.received().get(0);
    assertThat(first.text()).isEqualTo(processing);
    assertThat(first.method()).isEqualTo("POST");
    assertThat(first.contentType()).startsWith("application/json");
    assertThat(first.taskId()).isEqualTo(id);
    assertThat(first.status()).isEqualTo("processing");
    assertThat(first.attempt()).isEqualTo(1);

    clock.advance(Duration.ofMillis(3_500));
    String completed = api.get("/v1/videos/generations/" + id).raw();
    await().atMost(WAIT).until(() -> sink.count() == 2);
    CallbackSink.Received second = sink.received().get(1);
    assertThat(second.text()).isEqualTo(completed);
    assertThat(second.status()).isEqualTo("completed");
    assertThat(second.json().path("output").path("content")).hasSize(1);
    sink.received().forEach(r -> SpecConformance.assertConforms("GET", "/v1/videos/generations/" + id, 200, r.text()));

    clock.advance(Duration.ofHours(1));
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    assertThat(sink.count()).as("nothing more once finished").isEqualTo(2);
    assertThat(server.admin().deliveries(id))
        .extracting(DeliveryAttempt::status, DeliveryAttempt::outcome, DeliveryAttempt::httpStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("processing", DeliveryOutcome.DELIVERED, 200),
            org.assertj.core.groups.Tuple.tuple("completed", DeliveryOutcome.DELIVERED, 200));
  }

  @Test
  void aJumpOverSeveralChangesStillSendsEachStatusInOrderAsItWasThen() {
    CallbackSink sink = sink(CallbackSink.accepting());
    Instant created = clock.instant();
    String id =
        create(with(Bodies.v3t2v(), b -> {
          b.put("callback_url", sink.url());
          b.putObject("watermark_info").put("enabled", true);
        }));
    clock.advance(Duration.ofHours(1));
    await().atMost(WAIT).until(() -> sink.count() == 2);
    List<CallbackSink.Received> received = sink.forTask(id);
    assertThat(received).extracting(CallbackSink.Received::status).containsExactly("processing", "completed");
    JsonNode processing = received.get(0).json();
    assertThat(processing.path("status").asText()).isEqualTo("processing");
    assertThat(processing.path("updated_at").asText()).isEqualTo(created.plusSeconds(1).toString());
    assertThat(processing.has("output")).isFalse();
    assertThat(received.get(1).text()).isEqualTo(api.get("/v1/videos/generations/" + id).raw());
    assertThat(received.get(1).json().path("output").path("content")).hasSize(2);
  }

  @Test
  void aTaskFailedAtQueuedSendsOnlyItsFailure() {
    CallbackSink sink = sink(CallbackSink.accepting());
    String id =
        api.create(with(Bodies.o1(), b -> b.put("callback_url", sink.url())), "fail=002015095@queued")
            .assertQueued()
            .path("id")
            .asText();
    clock.advance(Duration.ofHours(1));
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    assertThat(sink.forTask(id)).extracting(CallbackSink.Received::status).containsExactly("failed");
    JsonNode failed = sink.forTask(id).get(0).json();
    assertThat(failed.path("error").path("code").asText()).isEqualTo("002015095");
    SpecConformance.assertConforms("GET", "/v1/videos/generations/" + id, 200, sink.forTask(id).get(0).text());
  }

  @Test
  void manyTasksEachGetTheirStatusesInOrder() {
    CallbackSink sink = sink(CallbackSink.accepting());
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String scenario = i % 3 == 0 ? "fail=006001095@queued" : i % 3 == 1 ? "fail=006001095" : "duration=PT3S";
      ids.add(api.create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url())), scenario)
          .assertQueued().path("id").asText());
    }
    clock.advance(Duration.ofMinutes(1));
    await().atMost(WAIT).until(() -> sink.count() == 10 + 20 + 20);
    for (int i = 0; i < ids.size(); i++) {
      List<String> statuses = sink.forTask(ids.get(i)).stream().map(CallbackSink.Received::status).toList();
      assertThat(statuses)
          .as("task %d", i)
          .isEqualTo(
              i % 3 == 0
                  ? List.of("failed")
                  : i % 3 == 1 ? List.of("processing", "failed") : List.of("processing", "completed"));
    }
  }

  @Test
  void aReceiverThatFailsTheFirstAttemptsGetsEachCallbackOnARetryStillInOrder() {
    CallbackSink sink = sink(CallbackSink.failingFirst(2));
    String id = create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url())));
    clock.advance(Duration.ofHours(1));
    await().atMost(WAIT).until(() -> sink.count() == 4);
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    assertThat(sink.received())
        .extracting(r -> r.status() + "#" + r.attempt())
        .containsExactly("processing#1", "processing#2", "processing#3", "completed#1");
    assertThat(server.admin().deliveries(id))
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(
            DeliveryOutcome.WILL_RETRY, DeliveryOutcome.WILL_RETRY, DeliveryOutcome.DELIVERED,
            DeliveryOutcome.DELIVERED);
    assertThat(server.admin().deliveries(id).get(0).httpStatus()).isEqualTo(500);
    assertThat(server.admin().deliveries(id).get(0).retryInMillis()).isNotNull();

    JsonNode log = api.admin("GET", "/__admin/callbacks?task_id=" + id, null).json();
    assertThat(log.path("deliveries").findValuesAsText("outcome"))
        .containsExactly("will_retry", "will_retry", "delivered", "delivered");
    assertThat(log.path("deliveries").get(0).path("http_status").asInt()).isEqualTo(500);
    assertThat(log.path("stats").path("delivered").asLong()).isEqualTo(2);
    assertThat(log.path("stats").path("retries").asLong()).isEqualTo(2);
  }

  @Test
  void aReceiverThatNeverAnswersIsGivenUpAndLoggedAndTheNextStatusStillGoesOut() {
    CallbackSink sink = sink(CallbackSink.silent());
    String id = create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url())));
    clock.advance(Duration.ofHours(1));
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    List<DeliveryAttempt> attempts = server.admin().deliveries(id);
    assertThat(attempts)
        .extracting(a -> a.status() + " " + a.attempt() + " " + a.outcome())
        .containsExactly(
            "processing 1 WILL_RETRY", "processing 2 WILL_RETRY", "processing 3 GAVE_UP",
            "completed 1 WILL_RETRY", "completed 2 WILL_RETRY", "completed 3 GAVE_UP");
    assertThat(attempts).allSatisfy(attempt -> {
      assertThat(attempt.httpStatus()).isNull();
      assertThat(attempt.error()).isNotBlank();
    });
    assertThat(server.admin().callbackStats().givenUp()).isEqualTo(2);
    JsonNode log = api.admin("GET", "/__admin/callbacks?task_id=" + id + "&limit=2", null).json();
    assertThat(log.path("deliveries").findValuesAsText("outcome")).containsExactly("will_retry", "gave_up");
    assertThat(log.path("deliveries").get(1).path("http_status").isNull()).isTrue();
  }

  @Test
  void aResetEmptiesTheDeliveryLog() {
    CallbackSink sink = sink(CallbackSink.accepting());
    create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url())));
    clock.advance(Duration.ofHours(1));
    assertThat(server.admin().awaitCallbacks(WAIT)).isTrue();
    assertThat(server.admin().deliveries()).hasSize(2);
    api.admin("POST", "/__admin/reset", null);
    assertThat(server.admin().deliveries()).isEmpty();
    assertThat(api.admin("GET", "/__admin/callbacks", null).json().path("deliveries")).isEmpty();
  }

  private CallbackSink sink(CallbackSink sink) {
    sinks.add(sink);
    return sink;
  }

  private static String create(JsonNode body) {
    return api.create(body).assertQueued().path("id").asText();
  }
}
