package io.kirincontract.mock.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The judging queue: bounded, never blocking whoever submits, counting what it drops. */
class DriftWatchTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

  @Test
  void aJudgeThatBlocksNeitherBlocksSubmittingNorLosesCountOfWhatDidNotFit() throws Exception {
    CountDownLatch judging = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger judged = new AtomicInteger();
    Judge blocking = exchange -> {
      judging.countDown();
      waitFor(release);
      judged.incrementAndGet();
      return new Judgement(null, new Verdict(200, null, null), List.of());
    };
    DriftLog log = new DriftLog(CLOCK);
    try (DriftWatch watch = new DriftWatch(blocking, log, 2, null)) {
      watch.submit(exchange());
      assertThat(judging.await(10, TimeUnit.SECONDS)).isTrue(); // the first is taken and held by the judge

      for (int i = 0; i < 5; i++) {
        watch.submit(exchange()); // two fit in the queue, three do not
      }

      assertThat(watch.json().path("dropped").asLong()).isEqualTo(3);
      release.countDown();
      await().atMost(Duration.ofSeconds(10)).until(() -> judged.get() == 3);
      assertThat(watch.json().path("exchanges").asLong()).isEqualTo(3);
      assertThat(watch.json().path("agreed").asLong()).isEqualTo(3);
    }
  }

  @Test
  void findingsAreAggregatedPerKindRuleAndModelWithCountsAndTimes() throws Exception {
    DriftLog log = new DriftLog(CLOCK);
    Judgement notEnforced =
        new Judgement(
            new Verdict(400, "invalid_parameter", "v3.multi-shot.durations-sum"),
            new Verdict(200, null, null),
            List.of(Drift.of(DriftKind.RULE_NOT_ENFORCED, "v3.multi-shot.durations-sum")));

    log.add(exchangeAt("2026-12-02T10:00:01Z"), notEnforced);
    log.add(exchangeAt("2026-12-02T10:00:05Z"), notEnforced);
    log.add(exchangeAt("2026-12-02T10:00:06Z"), new Judgement(null, new Verdict(200, null, null), List.of()));

    var json = log.json();
    assertThat(json.path("since").asText()).isEqualTo("2026-12-02T10:00:00Z");
    assertThat(json.path("exchanges").asLong()).isEqualTo(3);
    assertThat(json.path("agreed").asLong()).isEqualTo(1);
    assertThat(json.at("/by_kind/rule_not_enforced").asLong()).isEqualTo(2);
    assertThat(json.path("items")).hasSize(1);
    var item = json.path("items").get(0);
    assertThat(item.path("count").asLong()).isEqualTo(2);
    assertThat(item.path("model").asText()).isEqualTo("kirin_v3_t2v");
    assertThat(item.path("first_at").asText()).isEqualTo("2026-12-02T10:00:01Z");
    assertThat(item.path("last_at").asText()).isEqualTo("2026-12-02T10:00:05Z");
    assertThat(item.at("/example/request/body/prompt").asText()).isEqualTo("A fox");
  }

  private static Exchange exchange() {
    return exchangeAt("2026-12-02T10:00:01Z");
  }

  private static Exchange exchangeAt(String at) {
    return new Exchange(
        Instant.parse(at), "POST", "/v1/videos/generations", null, "key_0123456789ab", "application/json",
        "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"A fox\"}".getBytes(), 200, "application/json", new byte[0], null);
  }

  private static void waitFor(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
