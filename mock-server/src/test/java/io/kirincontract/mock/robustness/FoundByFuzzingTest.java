package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The inputs the fuzz tests found mishandled, one test each, kept as regression tests once fixed. */
class FoundByFuzzingTest {

  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() {
    server =
        KirinMockServer.start(
            config -> config.port(0).manualClock(Instant.parse("2026-11-22T10:00:00Z")).mediaFetch(false));
    api = new MockApi(server.baseUrl(), "found-by-fuzzing");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void anAspectRatioSentToAModelWithoutOneIsIgnoredNotA500() {
    // kirin_v3_i2v has no aspect_ratio; "http://..." used to reach the metadata and fail parsing as a ratio
    JsonNode task =
        api.create(Bodies.with(Bodies.v3i2v(Media.png(300, 600)), b -> b.put("aspect_ratio", "http://x.invalid/")))
            .assertQueued();
    assertThat(task.path("metadata").path("aspect_ratio").asText()).isEqualTo("1:2");
    assertThat(task.path("metadata").path("warnings").toString()).contains("aspect_ratio is not a parameter");
  }

  @Test
  void anAspectRatioSentToAModelWithoutOneDoesNotOverrideTheImages() {
    JsonNode task =
        api.create(Bodies.with(Bodies.v3i2v(Media.png(300, 600)), b -> b.put("aspect_ratio", "16:9"))).assertQueued();
    assertThat(task.path("metadata").path("aspect_ratio").asText()).isEqualTo("1:2");
  }

  @Test
  void soundSentToAModelWithoutSoundIsIgnored() {
    JsonNode task = api.create(Bodies.with(Bodies.v2t2v(), b -> b.put("sound", "on"))).assertQueued();
    assertThat(task.path("metadata").path("sound").asText()).isEqualTo("off");
  }
}
