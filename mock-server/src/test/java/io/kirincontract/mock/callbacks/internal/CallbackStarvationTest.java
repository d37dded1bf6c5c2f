package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receivers that answer {@code 200} and never finish the body (slow loris) cannot starve other callbacks: one
 * deadline covers each attempt's whole exchange, and no receiver or key holds more than its share of the slots.
 * Each test prints its figures (docs/robustness.md quotes them).
 */
class CallbackStarvationTest {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackStarvationTest.class);
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final byte[] BODY = "{\"id\":\"task\"}".getBytes(UTF_8);

  @Test
  void theDeadlineCoversTheBodySoASlowLorisAttemptEndsOnTimeAndItsConnectionIsClosed() {
    CallbackSettings settings =
        FastSettings.builder().responseTimeout(Duration.ofMillis(500)).maxAttempts(1).build();
    try (SlowLorisReceiver slow = SlowLorisReceiver.start();
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", slow.url(), BODY);

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      DeliveryAttempt attempt = dispatcher.log().all().get(0);
      assertThat(attempt.outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
      assertThat(attempt.httpStatus()).isNull();
      assertThat(attempt.error()).startsWith("response timeout: no complete answer (headers and body) within PT0.5S");
      assertThat(attempt.durationMillis()).isBetween(450L, 5_000L);
      await().atMost(WAIT).until(() -> slow.closedBySender() == 1);
      LOG.info("slow loris, one attempt: ended after {} ms (deadline 500 ms), connection closed", attempt.durationMillis());
    }
  }

  @Test
  void aSlowLorisReceiverHoldsOnlyItsShareAndAHealthyReceiverOfTheSameKeyGetsItsCallbacksAtOnce() {
    // A deadline far away: only the fair shares can keep the healthy receiver going.
    CallbackSettings settings =
        FastSettings.builder().responseTimeout(Duration.ofSeconds(60)).maxAttempts(1).shutdownTimeout(Duration.ZERO)
            .build();
    try (SlowLorisReceiver slow = SlowLorisReceiver.start();
        CallbackReceiver healthy = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {
      for (int i = 0; i < 64; i++) {
        dispatcher.enqueue("tenant-a", "slow-" + i, "processing", slow.url(), BODY);
      }
      await().atMost(WAIT).until(() -> slow.requests() == settings.maxInFlightPerReceiver());

      long start = System.nanoTime();
      for (int i = 0; i < 20; i++) {
        dispatcher.enqueue("tenant-a", "victim-" + i, "processing", healthy.url(), BODY);
      }
      await().atMost(WAIT).until(() -> healthy.count() == 20);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(slow.requests()).isEqualTo(16);
      assertThat(slow.mostOpen()).isEqualTo(16);
      assertThat(millis).as("the healthy receiver's 20 callbacks, in ms").isLessThan(10_000);
      LOG.info(
          "slow loris, 64 callbacks to one receiver: it holds {} of {} slots; a healthy receiver of the same key got"
              + " 20 of 20 callbacks in {} ms",
          slow.mostOpen(),
          settings.maxInFlight(),
          millis);
    }
  }

  @Test
  void sixtyFourSlowLorisReceiversDoNotStarveAnotherKeyAndDelayTheirOwnKeyOnlyUntilTheirDeadline() {
    CallbackSettings settings =
        FastSettings.builder().responseTimeout(Duration.ofSeconds(1)).maxAttempts(1).shutdownTimeout(Duration.ZERO)
            .build();
    List<SlowLorisReceiver> slow = SlowLorisReceiver.start(64);
    try (CallbackReceiver healthy = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {
      for (int i = 0; i < 64; i++) {
        dispatcher.enqueue("tenant-a", "slow-" + i, "processing", slow.get(i).url(), BODY);
      }
      await().atMost(WAIT).until(() -> slow.stream().mapToInt(SlowLorisReceiver::requests).sum() == 32);

      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        dispatcher.enqueue("tenant-b", "other-key-" + i, "processing", healthy.url(), BODY);
      }
      await().atMost(WAIT).until(() -> healthy.count() == 10);
      long otherKey = (System.nanoTime() - start) / 1_000_000;

      start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        dispatcher.enqueue("tenant-a", "same-key-" + i, "processing", healthy.url(), BODY);
      }
      await().atMost(WAIT).until(() -> healthy.count() == 20);
      long sameKey = (System.nanoTime() - start) / 1_000_000;

      assertThat(otherKey).as("another key's 10 callbacks, in ms").isLessThan(5_000);
      assertThat(sameKey).as("the same key's 10 callbacks, in ms: bounded by the 1 s deadline").isLessThan(10_000);
      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.stats().givenUp()).isEqualTo(64);
      assertThat(dispatcher.stats().delivered()).isEqualTo(20);
      LOG.info(
          "slow loris, 64 receivers of one key (deadline 1 s): that key held at most 32 of 64 slots; another key's 10"
              + " callbacks arrived in {} ms, the same key's 10 in {} ms",
          otherKey,
          sameKey);
    } finally {
      slow.forEach(SlowLorisReceiver::close);
    }
  }
}
