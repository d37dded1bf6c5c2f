package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.internal.CallbackReceiver.Received;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallbackRetryTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BODY = "{\"id\":\"task-1\"}".getBytes(UTF_8);

  @Test
  void retriesAServerErrorWithGrowingDelaysUntilTheReceiverAccepts() {
    CallbackSettings settings = FastSettings.builder().initialBackoff(Duration.ofMillis(40)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> request.attempt() < 3 ? 500 : 200);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<DeliveryAttempt> log = dispatcher.log().forTask("task-1");
      assertThat(log).extracting(DeliveryAttempt::outcome)
          .containsExactly(DeliveryOutcome.WILL_RETRY, DeliveryOutcome.WILL_RETRY, DeliveryOutcome.DELIVERED);
      assertThat(log).extracting(DeliveryAttempt::attempt).containsExactly(1, 2, 3);
      assertThat(log).extracting(DeliveryAttempt::httpStatus).containsExactly(500, 500, 200);
      assertThat(log).extracting(DeliveryAttempt::retryInMillis).containsExactly(40L, 80L, null);

      List<Received> received = receiver.received();
      assertThat(received).extracting(Received::attempt).containsExactly(1, 2, 3);
      assertThat(received).allSatisfy(request -> assertThat(request.body()).isEqualTo(BODY));
      long firstGap = received.get(1).receivedNanos() - received.get(0).receivedNanos();
      long secondGap = received.get(2).receivedNanos() - received.get(1).receivedNanos();
      assertThat(firstGap).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
      assertThat(secondGap).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(80));
      assertThat(dispatcher.stats().retries()).isEqualTo(2);
      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
    }
  }

  @Test
  void retryDelaysFollowTheSeededJitterSchedule() {
    CallbackSettings settings = FastSettings.builder().jitterRatio(0.2).randomSeed(42).maxAttempts(4).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> 503);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      long key = BackoffSchedule.keyOf("tenant-a", "task-1", "processing");
      BackoffSchedule schedule = settings.backoffSchedule();
      assertThat(dispatcher.log().all())
          .extracting(DeliveryAttempt::retryInMillis)
          .containsExactly(
              schedule.delayAfter(1, key).toMillis(),
              schedule.delayAfter(2, key).toMillis(),
              schedule.delayAfter(3, key).toMillis(),
              null);
    }
  }

  @Test
  void aReceiverThatKeepsFailingIsGivenUpAfterMaxAttempts() {
    CallbackSettings settings = FastSettings.builder().maxAttempts(4).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> 503);
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "failed", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(receiver.received()).extracting(Received::attempt).containsExactly(1, 2, 3, 4);
      assertThat(dispatcher.log().all())
          .extracting(DeliveryAttempt::outcome)
          .containsExactly(
              DeliveryOutcome.WILL_RETRY, DeliveryOutcome.WILL_RETRY, DeliveryOutcome.WILL_RETRY,
              DeliveryOutcome.GAVE_UP);
      assertThat(dispatcher.log().all().get(3).httpStatus()).isEqualTo(503);
      assertThat(dispatcher.stats().givenUp()).isEqualTo(1);
      assertThat(dispatcher.stats().retries()).isEqualTo(3);
    }
  }

  @Test
  void aRefusedConnectionIsRetriedAndThenGivenUp() {
    CallbackSettings settings = FastSettings.builder().maxAttempts(3).build();
    try (CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", CallbackReceiver.closedPortUrl(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<DeliveryAttempt> log = dispatcher.log().all();
      assertThat(log).extracting(DeliveryAttempt::outcome)
          .containsExactly(DeliveryOutcome.WILL_RETRY, DeliveryOutcome.WILL_RETRY, DeliveryOutcome.GAVE_UP);
      assertThat(log).allSatisfy(attempt -> {
        assertThat(attempt.httpStatus()).isNull();
        assertThat(attempt.error()).contains("ConnectException");
      });
      assertThat(dispatcher.stats().givenUp()).isEqualTo(1);
    }
  }

  @Test
  void aReceiverStallingPastTheResponseTimeoutIsRecordedAsATimeoutAndRetried() {
    CountDownLatch stall = new CountDownLatch(1);
    CallbackSettings settings = FastSettings.builder().responseTimeout(Duration.ofSeconds(1)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          if (request.attempt() == 1) {
            stall.await(30, TimeUnit.SECONDS);
          }
          return 200;
        });
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      List<DeliveryAttempt> log = dispatcher.log().all();
      assertThat(log.get(0)).satisfies(first -> {
        assertThat(first.outcome()).isEqualTo(DeliveryOutcome.WILL_RETRY);
        assertThat(first.httpStatus()).isNull();
        assertThat(first.error()).startsWith("response timeout");
        assertThat(first.durationMillis()).isGreaterThanOrEqualTo(1_000);
      });
      // normally attempt 2 is delivered at once; on a badly overloaded machine it may time out as well
      assertThat(log.get(log.size() - 1).outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
      assertThat(log.subList(0, log.size() - 1))
          .extracting(DeliveryAttempt::outcome)
          .containsOnly(DeliveryOutcome.WILL_RETRY);
    } finally {
      stall.countDown();
    }
  }
}
