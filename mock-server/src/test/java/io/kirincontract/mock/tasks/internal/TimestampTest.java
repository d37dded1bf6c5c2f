package io.kirincontract.mock.tasks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Task timestamps read as ISO_INSTANT writes them, to the millisecond, whatever the second cache holds. */
class TimestampTest {

  @Test
  void wholeSecondsAndMillisecondsAreWrittenAsIsoInstantWritesThem() {
    assertThat(TaskRenderer.timestamp(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo("2026-11-22T10:00:00Z");
    assertThat(TaskRenderer.timestamp(Instant.parse("2026-11-22T10:00:00.250Z")))
        .isEqualTo("2026-11-22T10:00:00.250Z");
    assertThat(TaskRenderer.timestamp(Instant.parse("2026-11-22T10:00:00.007Z")))
        .isEqualTo("2026-11-22T10:00:00.007Z");
    assertThat(TaskRenderer.timestamp(Instant.parse("2026-11-22T10:00:00.999999999Z")))
        .as("below the millisecond is cut")
        .isEqualTo("2026-11-22T10:00:00.999Z");
  }

  @Test
  void anyInstantMatchesIsoInstantTruncatedToTheMillisecond() {
    SplittableRandom random = new SplittableRandom(7);
    long base = Instant.parse("2026-11-22T10:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      // seconds close together (cache slots shared and replaced) and far apart (before 1970 included)
      long second = i % 2 == 0 ? base + random.nextInt(256) : random.nextLong(-2_000_000_000L, 8_000_000_000L);
      int kind = random.nextInt(4);
      int nanos = kind == 0 ? 0 : kind == 1 ? random.nextInt(1000) * 1_000_000 : random.nextInt(1_000_000_000);
      Instant instant = Instant.ofEpochSecond(second, nanos);
      assertThat(TaskRenderer.timestamp(instant))
          .isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS)));
    }
  }
}
