package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CallbackDeliveryTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  private static final byte[] TASK_JSON =
      "{\"id\":\"task-1\",\"model\":\"kirin_v3_t2v\",\"status\":\"processing\"}".getBytes(UTF_8);

  @Test
  void postsTheTaskJsonWithJsonContentTypeUserAgentAndTaskHeaders() {
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), TASK_JSON);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(receiver.received()).singleElement().satisfies(request -> {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.body()).isEqualTo(TASK_JSON);
        assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
        assertThat(request.headers().getFirst("User-Agent")).isEqualTo("kirin-mock");
        assertThat(request.headers().getFirst("X-Kirin-Task-Id")).isEqualTo("task-1");
        assertThat(request.headers().getFirst("X-Kirin-Task-Status")).isEqualTo("processing");
        assertThat(request.headers().getFirst("X-Kirin-Delivery-Attempt")).isEqualTo("1");
      });
    }
  }

  @Test
  void logsADeliveredAttemptWithTimesFromTheInjectedClock() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings(), clock)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), TASK_JSON);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().all())
          .containsExactly(
              new DeliveryAttempt(
                  "tenant-a", "task-1", "processing", receiver.url(), 1, NOW, 200, null, 0,
                  DeliveryOutcome.DELIVERED, null));
      assertThat(dispatcher.stats())
          .isEqualTo(new CallbackStats(1, 0, 1, 1, 0, 0, 0, 0, 0, 0));
    }
  }

  @Test
  void anyTwoHundredStatusCountsAsDelivered() {
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> 204);
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), TASK_JSON);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().all())
          .singleElement()
          .satisfies(attempt -> {
            assertThat(attempt.httpStatus()).isEqualTo(204);
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
          });
    }
  }

  @Test
  void theBodyIsCopiedSoTheCallerMayReuseItsArray() {
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {
      byte[] body = "{\"status\":\"processing\"}".getBytes(UTF_8);

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), body);
      body[2] = 'X';

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(receiver.received().get(0).body()).asString(UTF_8).isEqualTo("{\"status\":\"processing\"}");
    }
  }

  @Test
  void aMissingArgumentIsCountedAsRejectedAndNeverThrown() {
    try (CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      assertThatCode(() -> {
        dispatcher.enqueue("tenant-a", "task-1", "processing", null, TASK_JSON);
        dispatcher.enqueue("tenant-a", null, "processing", URI.create("http://127.0.0.1:1/"), TASK_JSON);
        dispatcher.enqueue("tenant-a", "task-1", "processing", URI.create("http://127.0.0.1:1/"), null);
      }).doesNotThrowAnyException();

      assertThat(dispatcher.stats().rejected()).isEqualTo(3);
      assertThat(dispatcher.stats().enqueued()).isZero();
    }
  }

  @Test
  void aUrlThatIsNotHttpIsGivenUpAtOnceWithoutRetries() {
    try (CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", URI.create("ftp://127.0.0.1/cb"), TASK_JSON);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().all())
          .singleElement()
          .satisfies(attempt -> {
            assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
            assertThat(attempt.httpStatus()).isNull();
            assertThat(attempt.error()).startsWith("unusable callback URL");
          });
      assertThat(dispatcher.stats().givenUp()).isEqualTo(1);
    }
  }
}
