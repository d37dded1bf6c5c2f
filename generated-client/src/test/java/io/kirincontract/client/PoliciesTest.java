package io.kirincontract.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The immutable retry and polling policies: defaults, backoff arithmetic, validation. */
class PoliciesTest {

  @Test
  void theRetryDefaultsAreFourAttemptsFromHalfASecondDoublingUpToEightSecondsWithAFifthOfJitter() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(policy.initialDelay()).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.multiplier()).isEqualTo(2.0);
    assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(8));
    assertThat(policy.jitter()).isEqualTo(0.2);
    assertThat(policy.maxRetryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(IntStream.rangeClosed(1, 6).mapToObj(retry -> policy.backoff(retry, 0)))
        .containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(8));
  }

  @Test
  void jitterShortensADelayByAtMostItsFraction() {
    RetryPolicy policy = RetryPolicy.defaults();

    assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoff(3, 0.5)).isEqualTo(Duration.ofMillis(1800));
    assertThat(policy.backoff(3, 0.999_999)).isBetween(Duration.ofMillis(1600), Duration.ofSeconds(2));
  }

  @Test
  void retryingStopsAfterTheLastAttemptAndRetryAfterIsFollowedUpToItsMaximum() {
    RetryPolicy policy = RetryPolicy.builder().maxAttempts(3).jitter(0).build();

    assertThat(policy.delayBeforeRetry(1, null, 0.7)).contains(Duration.ofMillis(500));
    assertThat(policy.delayBeforeRetry(2, Duration.ofSeconds(30), 0.7)).contains(Duration.ofSeconds(30));
    assertThat(policy.delayBeforeRetry(2, Duration.ofSeconds(61), 0.7)).isEmpty();
    assertThat(policy.delayBeforeRetry(3, null, 0.7)).isEmpty();
    assertThat(RetryPolicy.none().delayBeforeRetry(1, null, 0)).isEmpty();
  }

  @Test
  void aPolicyIsAValueThatItsBuilderCopiesWithoutChangingIt() {
    RetryPolicy policy = RetryPolicy.defaults();
    RetryPolicy changed = policy.toBuilder().maxAttempts(9).build();

    assertThat(policy.maxAttempts()).isEqualTo(4);
    assertThat(changed.maxAttempts()).isEqualTo(9);
    assertThat(changed.toBuilder().maxAttempts(4).build()).isEqualTo(policy).hasSameHashCodeAs(policy);
    assertThat(PollingPolicy.defaults().toBuilder().build()).isEqualTo(PollingPolicy.defaults());
  }

  @Test
  void impossibleSettingsAreRefused() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().multiplier(0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(1.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().initialDelay(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PollingPolicy.builder().initialInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PollingPolicy.builder().maxInterval(Duration.ofMillis(10)).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void thePollingDefaultsStartAtOneSecondAndGrowByHalfUpToTenSeconds() {
    PollingPolicy policy = PollingPolicy.defaults();
    Duration interval = policy.initialInterval();
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      seen.append(interval.toMillis()).append(' ');
      interval = policy.next(interval);
    }

    assertThat(seen.toString().strip()).isEqualTo("1000 1500 2250 3375 5062 7593 10000 10000");
  }
}
