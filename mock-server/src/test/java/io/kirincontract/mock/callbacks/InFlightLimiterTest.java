package io.kirincontract.mock.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InFlightLimiterTest {

  @Test
  void startsNoMoreThanTheLimitAndStartsTheNextWhenOneCompletes() {
    InFlightLimiter limiter = new InFlightLimiter(2);
    List<CompletableFuture<Void>> started = new ArrayList<>();

    for (int i = 0; i < 5; i++) {
      limiter.submit(
          () -> {
            CompletableFuture<Void> operation = new CompletableFuture<>();
            started.add(operation);
            return operation;
          });
    }

    assertThat(started).hasSize(2);
    assertThat(limiter.inFlight()).isEqualTo(2);
    assertThat(limiter.waiting()).isEqualTo(3);

    started.get(0).complete(null);
    assertThat(started).hasSize(3);

    started.get(1).completeExceptionally(new IllegalStateException("failed operations free their slot too"));
    assertThat(started).hasSize(4);
    assertThat(limiter.inFlight()).isEqualTo(2);
  }

  @Test
  void operationsThatCompleteAtOnceDoNotRecurseIntoEachOther() {
    InFlightLimiter limiter = new InFlightLimiter(1);
    AtomicInteger ran = new AtomicInteger();
    CompletableFuture<Void> gate = new CompletableFuture<>();
    limiter.submit(() -> gate);
    for (int i = 0; i < 20_000; i++) {
      limiter.submit(
          () -> {
            ran.incrementAndGet();
            return CompletableFuture.completedFuture(null);
          });
    }

    gate.complete(null); // drains 20,000 synchronous operations on this thread without a deep stack

    assertThat(ran).hasValue(20_000);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void anOperationThatThrowsOnStartFreesItsSlot() {
    InFlightLimiter limiter = new InFlightLimiter(1);
    AtomicInteger ran = new AtomicInteger();

    limiter.submit(
        () -> {
          throw new IllegalStateException("boom");
        });
    limiter.submit(
        () -> {
          ran.incrementAndGet();
          return CompletableFuture.completedFuture(null);
        });

    assertThat(ran).hasValue(1);
    assertThat(limiter.inFlight()).isZero();
  }

  @Test
  void awaitQuietReportsWhetherEverythingFinishedInTime() throws InterruptedException {
    InFlightLimiter limiter = new InFlightLimiter(4);
    CompletableFuture<Void> operation = new CompletableFuture<>();
    limiter.submit(() -> operation);

    assertThat(limiter.awaitQuiet(Duration.ofMillis(20))).isFalse();

    operation.complete(null);
    assertThat(limiter.awaitQuiet(Duration.ZERO)).isTrue();
  }
}
