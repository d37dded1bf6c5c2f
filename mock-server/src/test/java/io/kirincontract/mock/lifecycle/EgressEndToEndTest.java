package io.kirincontract.mock.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.callbacks.internal.CallbackStats;
import io.kirincontract.mock.callbacks.internal.DeliveryAttempt;
import io.kirincontract.mock.callbacks.internal.DeliveryOutcome;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.spec.KirinSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An embedded mock, as every test of the build starts one, reaches loopback only: the spec's examples, whose {@code
 * callback_url} is {@code https://hooks.example.com/kirin}, end in the delivery log as {@code blocked} with no
 * attempt, and an image URL elsewhere is unreachable by the egress policy, never fetched.
 */
class EgressEndToEndTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void theSpecExamplesCallbackToHooksExampleComIsBlockedByTheEmbeddedDefaultWithNoAttempt() {
    try (KirinMockServer mock = KirinMockServer.start(config -> config.port(0).manualClock(START))) {
      MockApi api = new MockApi(mock.baseUrl(), "tenant-a");
      ObjectNode example = (ObjectNode) KirinSpec.load().requestExamples().get("v3T2vSingleShot").deepCopy();
      assertThat(example.path("callback_url").asText()).isEqualTo("https://hooks.example.com/kirin");

      String id = api.create(example).assertQueued().path("id").asText();
      mock.manualClock().advance(Duration.ofHours(1));

      assertThat(mock.admin().awaitCallbacks(WAIT)).isTrue();
      assertThat(mock.admin().deliveries(id))
          .extracting(DeliveryAttempt::status, DeliveryAttempt::outcome)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("processing", DeliveryOutcome.BLOCKED),
              org.assertj.core.groups.Tuple.tuple("completed", DeliveryOutcome.BLOCKED));
      CallbackStats stats = mock.admin().callbackStats();
      assertThat(stats.attempts()).as("HTTP attempts").isZero();
      assertThat(stats.blocked()).isEqualTo(2);

      JsonNode log = api.admin("GET", "/__admin/callbacks?task_id=" + id, null).json();
      assertThat(log.path("stats").path("blocked").asInt()).isEqualTo(2);
      assertThat(log.path("stats").path("attempts").asInt()).isZero();
      for (JsonNode entry : log.path("deliveries")) {
        assertThat(entry.path("outcome").asText()).isEqualTo("blocked");
        assertThat(entry.path("http_status").isNull()).isTrue();
        assertThat(entry.path("error").asText())
            .isEqualTo("the egress policy (loopback) does not allow the host 'hooks.example.com'");
      }
    }
  }

  @Test
  void anImageUrlOutsideThePolicyIsAWarningWhenLenientAndA400WhenStrictSayingThePolicyRefusedIt() {
    String image = "https://media.example.com/first-frame.png";
    try (KirinMockServer lenient = KirinMockServer.start(config -> config.port(0).manualClock(START));
        KirinMockServer strict =
            KirinMockServer.start(config -> config.port(0).manualClock(START).mediaPolicy(MediaPolicy.STRICT))) {

      JsonNode task = new MockApi(lenient.baseUrl(), "tenant-a").create(Bodies.v3i2v(image)).assertQueued();
      assertThat(task.path("metadata").path("warnings").toString())
          .contains("the egress policy (loopback) does not allow the host 'media.example.com'");

      MockApi.Reply refused = new MockApi(strict.baseUrl(), "tenant-a").create(Bodies.v3i2v(image));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error().path("code").asText()).isEqualTo("media_unreachable");
      assertThat(refused.error().path("error_message").asText())
          .contains("the egress policy (loopback) does not allow the host 'media.example.com'");
    }
  }

  @Test
  void theEmbeddedDefaultIsLoopbackAndTheCommandLineDefaultIsAny() {
    assertThat(new io.kirincontract.mock.MockConfig().egress()).isEqualTo(EgressPolicy.loopback());
    assertThat(new io.kirincontract.mock.MockConfig().callbackSettings().egress()).isEqualTo(EgressPolicy.loopback());
  }
}
