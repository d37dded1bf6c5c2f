package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Creates with large bodies take turns; small ones never wait. */
class LargeBodyGateTest {

  private static final long LARGE = LargeBodyGate.LARGE + 1;

  @Test
  void aLargeBodyWaitsForItsTurnAndEntersWhenOneLeaves() throws Exception {
    LargeBodyGate gate = new LargeBodyGate(1, Duration.ofSeconds(10));
    LargeBodyGate.Pass first = gate.enter(LARGE);
    CountDownLatch entered = new CountDownLatch(1);
    Thread second = new Thread(() -> {
      try (LargeBodyGate.Pass pass = gate.enter(LARGE)) {
        entered.countDown();
      }
    });
    second.start();

    assertThat(entered.await(300, TimeUnit.MILLISECONDS)).as("entered while the gate was full").isFalse();
    first.close();
    assertThat(entered.await(5, TimeUnit.SECONDS)).as("entered once the first left").isTrue();
    second.join();
  }

  @Test
  void smallBodiesNeverWaitEvenWhenTheGateIsFull() {
    LargeBodyGate gate = new LargeBodyGate(1, Duration.ofMillis(10));
    try (LargeBodyGate.Pass held = gate.enter(LARGE)) {
      AtomicBoolean passed = new AtomicBoolean();
      try (LargeBodyGate.Pass small = gate.enter(LargeBodyGate.LARGE)) {
        passed.set(true);
      }
      assertThat(passed).isTrue();
    }
  }

  @Test
  void aBodyThatCannotEnterInTimeIsA503WithRetryAfter() {
    LargeBodyGate gate = new LargeBodyGate(1, Duration.ofMillis(50));
    try (LargeBodyGate.Pass held = gate.enter(LARGE)) {
      assertThatThrownBy(() -> gate.enter(-1))
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problems().get(0).code()).isEqualTo("service_unavailable");
            assertThat(e.headers()).containsEntry("Retry-After", "1");
          });
    }
  }

  @Test
  void manyCreatesWithImagesAtOnceAreAllAnsweredInTurn() throws Exception {
    String body = MockApi.write(Bodies.v21i2v(Media.pngOfSize(400_000)));
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).requestLog(false))) {
      MockApi api = new MockApi(server.baseUrl(), "gate-key");
      ExecutorService clients = Executors.newFixedThreadPool(24);
      try {
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
          creates.add(() -> api.create(body).status());
        }
        for (Future<Integer> status : clients.invokeAll(creates)) {
          assertThat(status.get()).isEqualTo(200);
        }
      } finally {
        clients.shutdownNow();
      }
    }
  }
}
