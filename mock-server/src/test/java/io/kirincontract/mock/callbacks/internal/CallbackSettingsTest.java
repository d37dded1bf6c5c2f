package io.kirincontract.mock.callbacks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.callbacks.CallbackSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CallbackSettingsTest {

  @Test
  void defaultsAreTheDocumentedValues() {
    CallbackSettings settings = CallbackSettings.defaults();

    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.maxAttempts()).isEqualTo(5);
    assertThat(settings.initialBackoff()).isEqualTo(Duration.ofMillis(500));
    assertThat(settings.backoffMultiplier()).isEqualTo(2.0);
    assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.jitterRatio()).isEqualTo(0.2);
    assertThat(settings.randomSeed()).isZero();
    assertThat(settings.maxInFlight()).isEqualTo(64);
    assertThat(settings.logCapacity()).isEqualTo(100_000);
    assertThat(settings.workerThreads()).isGreaterThanOrEqualTo(2);
    assertThat(settings.shutdownTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void toBuilderCopiesEveryFieldAndChangesOnlyWhatIsSet() {
    CallbackSettings original = CallbackSettings.builder().maxAttempts(3).randomSeed(99).build();

    CallbackSettings changed = original.toBuilder().maxInFlight(8).build();

    assertThat(original.toBuilder().build()).isEqualTo(original);
    assertThat(changed).isEqualTo(new CallbackSettings(
        original.connectTimeout(),
        original.responseTimeout(),
        3,
        original.initialBackoff(),
        original.backoffMultiplier(),
        original.maxBackoff(),
        original.jitterRatio(),
        99,
        8,
        original.logCapacity(),
        original.workerThreads(),
        original.shutdownTimeout(),
        0,
        0,
        EgressPolicy.loopback(),
        null));
    assertThat(changed.maxInFlightPerReceiver()).isEqualTo(2);
    assertThat(changed.maxInFlightPerKey()).isEqualTo(4);
  }

  @Test
  void theSharesOfOneReceiverAndOneKeyAreAQuarterAndHalfOfTheSlotsUnlessSet() {
    assertThat(CallbackSettings.defaults().maxInFlightPerReceiver()).isEqualTo(16);
    assertThat(CallbackSettings.defaults().maxInFlightPerKey()).isEqualTo(32);
    assertThat(CallbackSettings.builder().maxInFlight(2).build().maxInFlightPerReceiver()).isEqualTo(1);
    assertThat(CallbackSettings.builder().maxInFlight(1).build().maxInFlightPerKey()).isEqualTo(1);
    CallbackSettings set = CallbackSettings.builder().maxInFlightPerReceiver(5).maxInFlightPerKey(7).build();
    assertThat(set.maxInFlightPerReceiver()).isEqualTo(5);
    assertThat(set.maxInFlightPerKey()).isEqualTo(7);
    assertThatThrownBy(() -> CallbackSettings.builder().maxInFlightPerKey(-1).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void callbacksGoOnlyToLoopbackAndAreUnsignedByDefaultAndTheSecretIsNeverShown() {
    CallbackSettings defaults = CallbackSettings.defaults();
    assertThat(defaults.egress()).isEqualTo(EgressPolicy.loopback());
    assertThat(defaults.signer()).isNull();

    CallbackSettings signed = defaults.toBuilder().signer(CallbackSigner.of("s3cret-value")).build();

    assertThat(signed.toString()).doesNotContain("s3cret-value");
  }

  @Test
  void theBackoffScheduleCarriesTheRetrySettings() {
    CallbackSettings settings =
        CallbackSettings.builder()
            .initialBackoff(Duration.ofMillis(10))
            .backoffMultiplier(3.0)
            .maxBackoff(Duration.ofSeconds(1))
            .jitterRatio(0.1)
            .randomSeed(5)
            .build();

    assertThat(settings.backoffSchedule())
        .isEqualTo(new BackoffSchedule(Duration.ofMillis(10), 3.0, Duration.ofSeconds(1), 0.1, 5));
  }

  @Test
  void rejectsValuesOutsideTheirRange() {
    assertThatThrownBy(() -> CallbackSettings.builder().maxAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
    assertThatThrownBy(() -> CallbackSettings.builder().maxInFlight(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackSettings.builder().logCapacity(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackSettings.builder().responseTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackSettings.builder().jitterRatio(-0.1).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackSettings.builder().backoffMultiplier(Double.NaN).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CallbackSettings.builder().connectTimeout(null).build())
        .isInstanceOf(NullPointerException.class);
  }
}
