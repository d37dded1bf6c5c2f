package io.kirincontract.mock.callbacks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryLogTest {

  private static DeliveryAttempt attempt(String tenant, String taskId, int n) {
    return new DeliveryAttempt(
        tenant,
        taskId,
        "processing",
        URI.create("http://127.0.0.1:1/cb"),
        n,
        Instant.EPOCH,
        200,
        null,
        1,
        DeliveryOutcome.DELIVERED,
        null);
  }

  @Test
  void keepsAttemptsOldestFirst() {
    DeliveryLog log = new DeliveryLog(10);
    log.record(attempt("a", "t1", 1));
    log.record(attempt("a", "t2", 1));

    assertThat(log.all()).extracting(DeliveryAttempt::taskId).containsExactly("t1", "t2");
  }

  @Test
  void dropsTheOldestAttemptsOnceFull() {
    DeliveryLog log = new DeliveryLog(3);
    for (int i = 1; i <= 5; i++) {
      log.record(attempt("a", "t" + i, 1));
    }

    assertThat(log.all()).extracting(DeliveryAttempt::taskId).containsExactly("t3", "t4", "t5");
    assertThat(log.size()).isEqualTo(3);
    assertThat(log.capacity()).isEqualTo(3);
    assertThat(log.evicted()).isEqualTo(2);
  }

  @Test
  void findsAttemptsByTaskAndByTenant() {
    DeliveryLog log = new DeliveryLog(10);
    log.record(attempt("a", "t1", 1));
    log.record(attempt("b", "t2", 1));
    log.record(attempt("a", "t1", 2));

    assertThat(log.forTask("t1")).extracting(DeliveryAttempt::attempt).containsExactly(1, 2);
    assertThat(log.forTenant("b")).extracting(DeliveryAttempt::taskId).containsExactly("t2");
    assertThat(log.forTask("nope")).isEmpty();
    assertThat(log.find(a -> a.attempt() == 2)).hasSize(1);
  }

  @Test
  void clearingForgetsEverythingAndTheLogKeepsWorking() {
    DeliveryLog log = new DeliveryLog(2);
    log.record(attempt("a", "t1", 1));
    log.record(attempt("a", "t2", 1));
    log.record(attempt("a", "t3", 1));

    log.clear();
    log.record(attempt("a", "t4", 1));

    assertThat(log.all()).extracting(DeliveryAttempt::taskId).containsExactly("t4");
    assertThat(log.evicted()).isZero();
  }

  @Test
  void queriesReturnSnapshotsThatLaterWritesDoNotChange() {
    DeliveryLog log = new DeliveryLog(10);
    log.record(attempt("a", "t1", 1));

    List<DeliveryAttempt> snapshot = log.all();
    log.record(attempt("a", "t2", 1));

    assertThat(snapshot).hasSize(1);
  }
}
