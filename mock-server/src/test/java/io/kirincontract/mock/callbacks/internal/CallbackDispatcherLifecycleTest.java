package io.kirincontract.mock.callbacks.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallbackDispatcherLifecycleTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final byte[] BODY = "{\"id\":\"task\"}".getBytes(UTF_8);

  @Test
  void enqueueReturnsAtOnceWhileTheReceiverIsStalledAndOnlyMaxInFlightAttemptsAreUnderWay() {
    CountDownLatch release = new CountDownLatch(1);
    CallbackSettings settings =
        FastSettings.builder()
            .maxInFlight(4)
            .maxInFlightPerReceiver(4)
            .maxInFlightPerKey(4)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        });
        CallbackDispatcher dispatcher = new CallbackDispatcher(settings)) {

      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
        for (int i = 0; i < 1_000; i++) {
          dispatcher.enqueue("tenant-a", "task-" + i, "processing", receiver.url(), BODY);
        }
      });

      await().atMost(WAIT).until(() -> receiver.arrivals() == 4);
      assertThat(dispatcher.stats().inFlight()).isEqualTo(4);
      assertThat(dispatcher.stats().pending()).isEqualTo(1_000);
      assertThat(receiver.arrivals()).isEqualTo(4);

      release.countDown();
      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.stats().delivered()).isEqualTo(1_000);
      assertThat(receiver.count()).isEqualTo(1_000);
    } finally {
      release.countDown();
    }
  }

  @Test
  void awaitIdleReturnsFalseWhenDeliveriesAreStillPending() {
    CountDownLatch release = new CountDownLatch(1);
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        });
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {

      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);

      assertThat(dispatcher.awaitIdle(Duration.ofMillis(50))).isFalse();
      release.countDown();
      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeWaitsForAnAttemptInFlightAndLogsItsOutcome() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        })) {
      CallbackDispatcher dispatcher =
          new CallbackDispatcher(FastSettings.builder().shutdownTimeout(Duration.ofSeconds(20)).build());
      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);
      await().atMost(WAIT).until(() -> receiver.arrivals() == 1);

      Thread closer = new Thread(dispatcher::close, "closer");
      closer.start();
      await().atMost(WAIT).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
      assertThat(dispatcher.isClosed()).isTrue();
      release.countDown();
      closer.join(TimeUnit.SECONDS.toMillis(20));

      assertThat(closer.isAlive()).isFalse();
      assertThat(dispatcher.log().all())
          .extracting(DeliveryAttempt::outcome)
          .containsExactly(DeliveryOutcome.DELIVERED);
      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
      assertThat(dispatcher.stats().pending()).isZero();
      assertThat(dispatcher.isTerminated()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void closeStopsWaitingAfterTheShutdownTimeoutAndDropsWhatIsUnfinished() {
    CountDownLatch release = new CountDownLatch(1);
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        })) {
      CallbackDispatcher dispatcher =
          new CallbackDispatcher(FastSettings.builder().shutdownTimeout(Duration.ofMillis(200)).build());
      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);
      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), BODY);
      await().atMost(WAIT).until(() -> receiver.arrivals() == 1);

      assertTimeoutPreemptively(Duration.ofSeconds(5), dispatcher::close);

      CallbackStats stats = dispatcher.stats();
      assertThat(stats.dropped()).isEqualTo(2);
      assertThat(stats.pending()).isZero();
      assertThat(stats.delivered()).isZero();
      assertThat(dispatcher.log().find(entry -> entry.outcome() == DeliveryOutcome.DROPPED))
          .extracting(DeliveryAttempt::status, DeliveryAttempt::error)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  "processing", "dropped: still queued when the shutdown timeout of PT0.2S ended"),
              org.assertj.core.groups.Tuple.tuple(
                  "completed", "dropped: still queued when the shutdown timeout of PT0.2S ended"));
      assertThat(dispatcher.awaitIdle(Duration.ZERO)).isTrue();
      await().atMost(WAIT).until(dispatcher::isTerminated);
      assertThat(receiver.arrivals()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  void aRetryWaitingOnItsTimerIsDroppedOnClose() {
    CallbackSettings settings = FastSettings.builder().initialBackoff(Duration.ofSeconds(30)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> 500)) {
      CallbackDispatcher dispatcher = new CallbackDispatcher(settings);
      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);
      await().atMost(WAIT).until(() -> dispatcher.stats().retries() == 1);

      assertTimeoutPreemptively(Duration.ofSeconds(5), dispatcher::close);

      assertThat(dispatcher.stats().dropped()).isEqualTo(1);
      assertThat(dispatcher.stats().pending()).isZero();
      assertThat(dispatcher.log().all()).extracting(DeliveryAttempt::outcome)
          .containsExactly(DeliveryOutcome.WILL_RETRY, DeliveryOutcome.DROPPED);
      assertThat(receiver.arrivals()).isEqualTo(1);
    }
  }

  @Test
  void afterCloseEnqueueIsRefusedWithoutThrowingAndTheThreadsAreStopped() {
    CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings());

    dispatcher.close();
    dispatcher.close(); // idempotent

    URI url = CallbackReceiver.closedPortUrl();
    assertThatCode(() -> dispatcher.enqueue("tenant-a", "task-1", "processing", url, BODY))
        .doesNotThrowAnyException();
    assertThat(dispatcher.stats().rejected()).isEqualTo(1);
    assertThat(dispatcher.stats().enqueued()).isZero();
    assertThat(dispatcher.isClosed()).isTrue();
    await().atMost(WAIT).until(dispatcher::isTerminated);
  }

  @Test
  void theLogKeepsOnlyTheNewestAttemptsUpToItsCapacity() {
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher =
            new CallbackDispatcher(FastSettings.builder().logCapacity(5).build())) {

      for (int i = 1; i <= 8; i++) {
        dispatcher.enqueue("tenant-a", "task-1", "status-" + i, receiver.url(), BODY);
      }

      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().all())
          .extracting(DeliveryAttempt::status)
          .containsExactly("status-4", "status-5", "status-6", "status-7", "status-8");
      assertThat(dispatcher.log().evicted()).isEqualTo(3);
      assertThat(dispatcher.stats().delivered()).isEqualTo(8);
    }
  }

  @Test
  void clearingTheLogForgetsTheAttemptsButNotTheCounters() {
    try (CallbackReceiver receiver = CallbackReceiver.accepting();
        CallbackDispatcher dispatcher = new CallbackDispatcher(FastSettings.settings())) {
      dispatcher.enqueue("tenant-a", "task-1", "processing", receiver.url(), BODY);
      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();

      dispatcher.log().clear();

      assertThat(dispatcher.log().all()).isEmpty();
      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), BODY);
      assertThat(dispatcher.awaitIdle(WAIT)).isTrue();
      assertThat(dispatcher.log().forTask("task-1"))
          .extracting(DeliveryAttempt::status)
          .containsExactly("completed");
    }
  }

  @Test
  void closeDrainsCallbacksStillQueuedByDeliveringThemWithinTheShutdownTimeout() throws InterruptedException {
    CountDownLatch release = new CountDownLatch(1);
    CallbackSettings settings =
        FastSettings.builder().maxInFlight(1).shutdownTimeout(Duration.ofSeconds(20)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        })) {
      CallbackDispatcher dispatcher = new CallbackDispatcher(settings);
      for (int i = 1; i <= 5; i++) {
        dispatcher.enqueue("tenant-a", "task-" + i, "processing", receiver.url(), BODY);
      }
      dispatcher.enqueue("tenant-a", "task-1", "completed", receiver.url(), BODY);
      await().atMost(WAIT).until(() -> receiver.arrivals() == 1);

      Thread closer = new Thread(dispatcher::close, "closer");
      closer.start();
      await().atMost(WAIT).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
      dispatcher.enqueue("tenant-a", "task-9", "processing", receiver.url(), BODY); // refused: closing
      release.countDown();
      closer.join(TimeUnit.SECONDS.toMillis(20));

      assertThat(closer.isAlive()).isFalse();
      CallbackStats stats = dispatcher.stats();
      assertThat(stats.delivered()).isEqualTo(6);
      assertThat(stats.dropped()).isZero();
      assertThat(stats.rejected()).isEqualTo(1);
      assertThat(receiver.count()).isEqualTo(6);
      assertThat(dispatcher.isTerminated()).isTrue();
    } finally {
      release.countDown();
    }
  }

  @Test
  void abandonDropsWhatIsQueuedAtOnceForAReset() {
    CountDownLatch release = new CountDownLatch(1);
    CallbackSettings settings = FastSettings.builder().maxInFlight(1).shutdownTimeout(Duration.ofSeconds(20)).build();
    try (CallbackReceiver receiver = CallbackReceiver.start(request -> {
          release.await(30, TimeUnit.SECONDS);
          return 200;
        })) {
      CallbackDispatcher dispatcher = new CallbackDispatcher(settings);
      for (int i = 1; i <= 5; i++) {
        dispatcher.enqueue("tenant-a", "task-" + i, "processing", receiver.url(), BODY);
      }
      await().atMost(WAIT).until(() -> receiver.arrivals() == 1);
      Thread abandoning = new Thread(dispatcher::abandon, "abandon");
      abandoning.start();
      await().atMost(WAIT).until(() -> abandoning.getState() == Thread.State.TIMED_WAITING);
      release.countDown();
      await().atMost(WAIT).until(() -> !abandoning.isAlive());

      assertThat(dispatcher.stats().delivered()).isEqualTo(1);
      assertThat(dispatcher.stats().dropped()).isEqualTo(4);
      assertThat(receiver.count()).isEqualTo(1);
    } finally {
      release.countDown();
    }
  }
}
