package io.kirincontract.mock.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.MockServerExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The clock stays where timestamps are RFC 3339 (four-digit years) and task ids can hold the time: an advance past
 * {@link MockClock#LATEST} and a time scale above {@link MockClock#MAX_TIME_SCALE} are refused with a clear error,
 * and the server goes on creating tasks afterwards.
 */
class ClockLimitsTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
  private static final String RFC_3339 = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z";

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder().configure(config -> config.manualClock(START)).build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), "k");

  @Test
  void aHugeAdvanceIsRefusedWith400AndLaterCreatesStillWork() {
    long start = System.nanoTime();
    MockApi.Reply refused =
        api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"P1000000000D\"}")
            .assertError(400, "invalid_parameter", "duration", null);
    long millis = (System.nanoTime() - start) / 1_000_000;
    org.slf4j.LoggerFactory.getLogger(ClockLimitsTest.class)
        .info("clock: an advance of P1000000000D refused in {} ms", millis);
    assertThat(refused.error().path("error_message").asText())
        .contains("would take the clock past 9999-12-01T00:00:00Z")
        .contains("it can advance by at most");
    assertThat(server.clock().instant()).as("left as it was").isEqualTo(START);

    JsonNode task = api.create(Bodies.v3t2v()).assertQueued();
    assertThat(task.path("created_at").asText()).isEqualTo("2026-11-22T10:00:00Z");
  }

  @Test
  void anAdvanceTooLargeForMillisecondsIsA400NotA500() {
    api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"PT9223372036854775807S\"}")
        .assertError(400, "invalid_parameter", "duration", null);
    api.create(Bodies.v3t2v()).assertQueued();
  }

  @Test
  void theClockCanReachTheLatestTimeAndTimestampsThereKeepFourDigitYears() {
    server.manualClock().advanceTo(MockClock.LATEST.minus(Duration.ofHours(1)));
    JsonNode task = api.create(Bodies.v3t2v()).assertQueued();
    server.manualClock().advance(Duration.ofMinutes(30));
    JsonNode done = api.task(task.path("id").asText());
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("created_at").asText()).matches(RFC_3339).startsWith("9999-11-30T23:00:00");
    assertThat(done.path("updated_at").asText()).matches(RFC_3339);
    assertThatThrownBy(() -> server.manualClock().advance(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> server.manualClock().advanceTo(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTimeScaleAboveTheLargestIsRefusedAndTheLargestIsAccepted() {
    assertThatThrownBy(() -> new MockConfig().timeScale(1e12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 10000");
    assertThatThrownBy(() -> new MockConfig().timeScale(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MockClock.scaled(1e7)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new MockConfig().timeScale(MockClock.MAX_TIME_SCALE).timeScale()).isEqualTo(10_000);
  }

  @Test
  void clocksOutsideTheRangeAreRefusedWhenGiven() {
    assertThatThrownBy(() -> MockClock.manual(Instant.parse("+20000-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MockClock.manual(Instant.parse("1969-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new MockConfig().clock(Clock.fixed(Instant.parse("+10000-01-01T00:00:00Z"), ZoneOffset.UTC)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aScaledClockStopsAtTheLatestTimeInsteadOfLeavingRfc3339() {
    Instant justBefore = MockClock.LATEST.minusMillis(1);
    ScaledSystemClock clock = new ScaledSystemClock(Clock.fixed(justBefore, ZoneOffset.UTC), MockClock.MAX_TIME_SCALE);
    long began = System.nanoTime();
    while (System.nanoTime() - began < 2_000_000) {
      Thread.onSpinWait(); // 2 ms of real time are 20 s of mock time at this scale
    }
    assertThat(clock.instant()).isEqualTo(MockClock.LATEST);
  }
}
