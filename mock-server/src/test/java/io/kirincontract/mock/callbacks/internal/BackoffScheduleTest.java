package io.kirincontract.mock.callbacks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffScheduleTest {

  private static final long KEY = BackoffSchedule.keyOf("tenant-a", "task-1", "processing");

  private static BackoffSchedule schedule(double jitterRatio, long seed) {
    return new BackoffSchedule(Duration.ofMillis(500), 2.0, Duration.ofSeconds(30), jitterRatio, seed);
  }

  private static List<Long> millis(BackoffSchedule schedule, long key, int attempts) {
    List<Long> delays = new ArrayList<>();
    for (int failed = 1; failed <= attempts; failed++) {
      delays.add(schedule.delayAfter(failed, key).toMillis());
    }
    return delays;
  }

  @Test
  void baseDelaysDoubleFromTheInitialBackoffUpToTheCap() {
    BackoffSchedule schedule = schedule(0.2, 42);

    assertThat(IntStream.rangeClosed(1, 8).mapToObj(n -> schedule.baseDelay(n).toMillis()))
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
  }

  @Test
  void withoutJitterEveryDelayIsTheBaseDelay() {
    BackoffSchedule schedule = schedule(0.0, 42);

    assertThat(millis(schedule, KEY, 8))
        .containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L);
  }

  @Test
  void aFixedSeedGivesAFixedSchedule() {
    assertThat(millis(schedule(0.2, 42), KEY, 8))
        .containsExactly(428L, 861L, 2_250L, 4_367L, 6_488L, 13_278L, 34_370L, 25_414L);
  }

  @Test
  void theSameSeedAndCallbackAlwaysGiveTheSameSchedule() {
    assertThat(millis(schedule(0.2, 7), KEY, 10)).isEqualTo(millis(schedule(0.2, 7), KEY, 10));
  }

  @Test
  void anotherSeedGivesAnotherSchedule() {
    assertThat(millis(schedule(0.2, 7), KEY, 10)).isNotEqualTo(millis(schedule(0.2, 8), KEY, 10));
  }

  @Test
  void differentCallbacksGetDifferentJitterSoRetriesSpreadOut() {
    BackoffSchedule schedule = schedule(0.2, 42);
    long processing = BackoffSchedule.keyOf("tenant-a", "task-1", "processing");
    long completed = BackoffSchedule.keyOf("tenant-a", "task-1", "completed");
    long otherTask = BackoffSchedule.keyOf("tenant-a", "task-2", "processing");
    long otherTenant = BackoffSchedule.keyOf("tenant-b", "task-1", "processing");

    assertThat(List.of(processing, completed, otherTask, otherTenant)).doesNotHaveDuplicates();
    assertThat(
            List.of(
                schedule.delayAfter(1, processing),
                schedule.delayAfter(1, completed),
                schedule.delayAfter(1, otherTask),
                schedule.delayAfter(1, otherTenant)))
        .doesNotHaveDuplicates();
  }

  @Test
  void jitterStaysWithinTheRatioAndCoversItsRange() {
    BackoffSchedule schedule = schedule(0.2, 42);
    long base = schedule.baseDelay(3).toNanos();

    List<Long> delays =
        IntStream.range(0, 2_000)
            .mapToObj(i -> BackoffSchedule.keyOf("t", "task-" + i, "processing"))
            .map(key -> schedule.delayAfter(3, key).toNanos())
            .toList();

    LongSummaryStatistics summary = delays.stream().mapToLong(Long::longValue).summaryStatistics();
    assertThat(delays)
        .allSatisfy(d -> assertThat(d).isBetween(Math.round(base * 0.8), Math.round(base * 1.2)));
    assertThat(summary.getMin()).isLessThan(Math.round(base * 0.82));
    assertThat(summary.getMax()).isGreaterThan(Math.round(base * 1.18));
    assertThat(summary.getAverage()).isBetween(base * 0.98, base * 1.02);
  }

  @Test
  void aHugeAttemptNumberStaysAtTheCap() {
    assertThat(schedule(0.0, 1).delayAfter(10_000, KEY)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void attemptNumbersStartAtOne() {
    assertThatThrownBy(() -> schedule(0.2, 1).delayAfter(0, KEY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsAMultiplierBelowOneAndAJitterRatioOutsideZeroToOne() {
    assertThatThrownBy(() -> new BackoffSchedule(Duration.ofMillis(1), 0.5, Duration.ofSeconds(1), 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffSchedule(Duration.ofMillis(1), 2.0, Duration.ofSeconds(1), 1.5, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BackoffSchedule(Duration.ofMillis(-1), 2.0, Duration.ofSeconds(1), 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
