package io.kirincontract.mock.lifecycle;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.CallbackSink;
import io.kirincontract.mock.support.MockApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** On the system clock tasks move on by themselves, sped up by the time scale; timestamps are mock time. */
class ScaledClockTest {

  @Test
  void atTimeScale50ATaskCompletesInAboutATenthOfASecondWithCallbacks() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).timeScale(50));
        CallbackSink sink = CallbackSink.accepting()) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      long startNanos = System.nanoTime();
      JsonNode created = api.create(with(Bodies.v3t2v(), b -> b.put("callback_url", sink.url()))).assertQueued();
      String id = created.path("id").asText();
      await().atMost(Duration.ofSeconds(10)).until(() -> api.task(id).path("status").asText().equals("completed"));
      long realMillis = (System.nanoTime() - startNanos) / 1_000_000;
      assertThat(realMillis).as("4.5 mock seconds at 50x").isGreaterThanOrEqualTo(80);
      JsonNode completed = api.task(id);
      Duration mock =
          Duration.between(
              Instant.parse(completed.path("created_at").asText()),
              Instant.parse(completed.path("updated_at").asText()));
      assertThat(mock).as("timestamps follow the mock time").isEqualTo(Duration.ofMillis(4_500));
      await().atMost(Duration.ofSeconds(10)).until(() -> sink.forTask(id).size() == 2);
      assertThat(sink.forTask(id)).extracting(CallbackSink.Received::status).containsExactly("processing", "completed");
      assertThat(server.admin().unfinishedTasks("k")).isZero();
    }
  }

  @Test
  void theManualClockCannotBeAdvancedOnASystemClockServer() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"PT5S\"}")
          .assertError(409, "clock_not_manual", null, null);
      JsonNode clock = api.admin("GET", "/__admin/clock", null).json();
      assertThat(clock.path("kind").asText()).isEqualTo("system");
      assertThat(clock.path("time_scale").asDouble()).isEqualTo(1.0);
    }
  }
}
