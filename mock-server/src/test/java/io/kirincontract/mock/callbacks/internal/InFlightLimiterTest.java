package io.kirincontract.mock.callbacks.internal;

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

  @Test
  void aReceiverHoldsNoMoreThanItsShareWhileOtherReceiversUseTheRestOfTheSlots() {
    InFlightLimiter limiter = new InFlightLimiter(8, 2, 8);
    List<String> started = new ArrayList<>();
    List<CompletableFuture<Void>> slow = new ArrayList<>();

    for (int i = 0; i < 50; i++) {
      limiter.submit("slow:1", "key-a", () -> {
        CompletableFuture<Void> never = new CompletableFuture<>();
        slow.add(never);
        started.add("slow");
        return never;
      });
    }
    for (int i = 0; i < 3; i++) {
      limiter.submit("healthy:2", "key-a", () -> {
        started.add("healthy");
        return CompletableFuture.completedFuture(null);
      });
    }

    assertThat(started).filteredOn("slow"::equals).hasSize(2);
    assertThat(started).filteredOn("healthy"::equals).hasSize(3);
    assertThat(limiter.inFlight("slow:1")).isEqualTo(2);
    assertThat(limiter.waiting()).isEqualTo(48);

    slow.get(0).complete(null);
    assertThat(started).filteredOn("slow"::equals).hasSize(3);
    assertThat(limiter.inFlight()).isEqualTo(2);
  }

  @Test
  void aKeyHoldsNoMoreThanItsShareOverAllItsReceivers() {
    InFlightLimiter limiter = new InFlightLimiter(8, 8, 3);
    AtomicInteger keyA = new AtomicInteger();
    AtomicInteger keyB = new AtomicInteger();

    for (int i = 0; i < 10; i++) {
      limiter.submit("receiver:" + i, "key-a", () -> {
        keyA.incrementAndGet();
        return new CompletableFuture<Void>();
      });
    }
    limiter.submit("receiver:0", "key-b", () -> {
      keyB.incrementAndGet();
      return new CompletableFuture<Void>();
    });

    assertThat(keyA).hasValue(3);
    assertThat(keyB).hasValue(1);
  }

  @Test
  void groupsTakeTurnsSoALongQueueDoesNotDelayAnotherReceiversNextOperation() {
    InFlightLimiter limiter = new InFlightLimiter(1);
    CompletableFuture<Void> gate = new CompletableFuture<>();
    List<String> order = new ArrayList<>();
    limiter.submit("busy:1", "k", () -> gate);
    for (int i = 0; i < 100; i++) {
      limiter.submit("busy:1", "k", () -> {
        order.add("busy");
        return CompletableFuture.completedFuture(null);
      });
    }
    limiter.submit("other:2", "k", () -> {
      order.add("other");
      return CompletableFuture.completedFuture(null);
    });

    gate.complete(null);

    assertThat(order).hasSize(101);
    assertThat(order.indexOf("other")).as("the other receiver's turn comes after one busy operation").isEqualTo(1);
  }
}
