package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.RetryPolicy;
import io.kirincontract.client.errors.KirinAuthenticationException;
import io.kirincontract.client.errors.KirinRateLimitException;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.TaskStatus;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioRule;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code KirinMockExtension.builder()}: any mock configuration, the client's key and its own configuration. */
class RegisteredExtensionTest {

  @RegisterExtension
  static KirinMockExtension mock =
      KirinMockExtension.builder()
          .configure(config -> config.apiKeys("team-a", "team-b").maxRunningTasks(1))
          .configure(config -> config.timeScale(1000))
          .apiKey("team-b")
          .client(client -> client.retryPolicy(RetryPolicy.none()))
          .build();

  private static final VideoGenerationRequest FOX =
      KirinRequests.v3TextToVideo().prompt("A red fox in the snow").build();

  @Test
  void theInjectedClientUsesTheChosenKeyAndTheFieldShowsTheSameMock(KirinMockInfo info, KirinClient client) {
    assertThat(info.apiKey()).isEqualTo("team-b");
    assertThat(mock.info()).isEqualTo(info);
    assertThat(mock.client()).isSameAs(client);
    assertThat(mock.baseUrl()).isEqualTo(mock.server().baseUrl());
    assertThat(mock.admin()).isSameAs(mock.server().admin());
  }

  @Test
  void theConfiguredTimeScaleMakesAwaitingQuick(KirinClient client) {
    Task done = client.awaitSuccess(client.create(FOX), Duration.ofSeconds(10));

    assertThat(done.getStatus()).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void theConfiguredLimitAppliesAndTheClientDoesNotRetry(KirinClient client) {
    mock.admin().addScenario(ScenarioRule.next(Scenario.holding(io.kirincontract.mock.tasks.TaskStatus.QUEUED)));
    client.create(FOX);

    assertThatThrownBy(() -> client.create(FOX)).isInstanceOf(KirinRateLimitException.class);
  }

  @Test
  void aKeyTheMockWasNotGivenIsRefused(KirinMockInfo info) {
    try (KirinClient stranger = KirinClient.builder().baseUrl(info.baseUrl()).apiKey("team-c").build()) {
      assertThatThrownBy(() -> stranger.create(FOX)).isInstanceOf(KirinAuthenticationException.class);
    }
  }
}
