package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.lifecycle.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mistakes in using the extension end in a message that says what to do. */
class MisuseTest {

  @Test
  void askingForTheManualClockOfAMockOnTheSystemClockSaysHowToGetOne() {
    assertThat(TestKit.firstFailure(SystemClock.class))
        .isInstanceOf(ParameterResolutionException.class)
        .hasMessageContaining("manualClock = true");
  }

  @Test
  void severalKeysWithoutTheClientsKeyAskWhichOne() {
    assertThat(TestKit.firstFailure(TwoKeys.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("apiKey(...)");
  }

  @Test
  void aClientKeyTheMockDoesNotAcceptIsRefused() {
    assertThat(TestKit.firstFailure(WrongKey.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not one of the mock's API keys");
  }

  @Test
  void theFieldsAccessorsNeedARunningMock() {
    KirinMockExtension idle = KirinMockExtension.builder().build();

    assertThatThrownBy(idle::client).isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
  }

  @KirinMockTest
  static class SystemClock {
    @Test
    void wantsTheManualClock(ManualClock clock) {}
  }

  static class TwoKeys {
    @RegisterExtension
    static KirinMockExtension mock =
        KirinMockExtension.builder().configure(config -> config.apiKeys("a", "b")).build();

    @Test
    void runs() {}
  }

  static class WrongKey {
    @RegisterExtension
    static KirinMockExtension mock =
        KirinMockExtension.builder().configure(config -> config.apiKeys("a")).apiKey("b").build();

    @Test
    void runs() {}
  }
}
