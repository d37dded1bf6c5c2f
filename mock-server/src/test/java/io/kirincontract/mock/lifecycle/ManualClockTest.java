package io.kirincontract.mock.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The manual clock stands still until advanced, and fires what falls due on the way, in time order. */
class ManualClockTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void itStandsStillUntilAdvanced() {
    ManualClock clock = MockClock.manual(START);
    assertThat(clock.instant()).isEqualTo(START);
    clock.advance(Duration.ofMillis(1500));
    assertThat(clock.instant()).isEqualTo(START.plusMillis(1500));
    clock.advanceTo(START);
    assertThat(clock.instant()).as("advancing to the past does nothing").isEqualTo(START.plusMillis(1500));
  }

  @Test
  void timeDoesNotGoBack() {
    assertThatThrownBy(() -> MockClock.manual(START).advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void advancingFiresEveryDueTimeInOrderWithTheClockAtThatTime() {
    ManualClock clock = MockClock.manual(START);
    TreeSet<Long> due = new TreeSet<>(List.of(START.toEpochMilli() + 3000, START.toEpochMilli() + 1000));
    List<String> fired = new ArrayList<>();
    clock.register(
        new ManualClock.Listener() {
          @Override
          public long nextDue() {
            return due.isEmpty() ? Long.MAX_VALUE : due.first();
          }

          @Override
          public void fireDue(long nowMillis) {
            while (!due.isEmpty() && due.first() <= nowMillis) {
              long at = due.pollFirst();
              fired.add((at - START.toEpochMilli()) + "@" + (clock.millis() - START.toEpochMilli()));
              if (at == START.toEpochMilli() + 1000) {
                due.add(START.toEpochMilli() + 2000); // firing can schedule more, still within the advance
              }
            }
          }
        });
    clock.advance(Duration.ofSeconds(5));
    assertThat(fired).containsExactly("1000@1000", "2000@2000", "3000@3000");
    assertThat(clock.instant()).isEqualTo(START.plusSeconds(5));
  }

  @Test
  void theScaledClockRunsFasterThanRealTimeAndAPlainClockIsWrapped() {
    MockClock scaled = MockClock.scaled(1000);
    assertThat(scaled.timeScale()).isEqualTo(1000);
    assertThat(scaled.realNanosUntil(scaled.millis() + 5_000)).isLessThanOrEqualTo(5_000_000L);
    assertThat(scaled.realSecondsFor(4_500)).isEqualTo(1);
    assertThatThrownBy(() -> MockClock.scaled(0)).isInstanceOf(IllegalArgumentException.class);

    MockClock fixed = MockClock.of(Clock.fixed(START, ZoneOffset.UTC));
    assertThat(fixed.instant()).isEqualTo(START);
    assertThat(fixed.timeScale()).isEqualTo(1);
    assertThat(MockClock.of(fixed)).isSameAs(fixed);
    assertThat(MockClock.system().realSecondsFor(4_500)).isEqualTo(5);
  }
}
