package io.kirincontract.mock.validation.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A field the request makes "invalid" is ignored and not validated at all (DESIGN §3): a client that flips
 * {@code multi_shot} and leaves stale fields is not refused for a field the provider ignores; the field is named in
 * {@code metadata.ignored_params} and {@code metadata.warnings}. A field the request uses is validated as ever.
 */
class IgnoredFieldsTest {

  private static KirinMockServer server;
  private static MockApi api;
  private static MediaHost host;

  @BeforeAll
  static void start() throws IOException {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "ignored");
    host = new MediaHost();
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
  }

  @Test
  void aStaleOverLongPromptBesideMultiShotIsIgnoredNotRefused() {
    ObjectNode body = Bodies.v3t2vMultiShot();
    body.put("prompt", "p".repeat(2600));

    JsonNode metadata = api.create(body).assertQueued().path("metadata");

    assertThat(metadata.path("ignored_params").toString()).contains("\"prompt\"");
    assertThat(metadata.path("warnings").toString()).contains("v3.multi-shot.prompt-ignored").contains("prompt");
  }

  @Test
  void sevenStaleShotsOfASingleShotRequestAreIgnoredNotRefused() {
    ObjectNode body = Bodies.v3t2v();
    body.put("multi_shot", false);
    ArrayNode shots = body.putArray("multi_prompt");
    for (int i = 1; i <= 7; i++) {
      shots.addObject().put("index", i).put("prompt", "shot " + i).put("duration", 5); // wrong type, too
    }

    JsonNode metadata = api.create(body).assertQueued().path("metadata");

    assertThat(metadata.path("ignored_params").toString()).contains("\"multi_prompt\"");
  }

  @Test
  void anEmptyMultiPromptListAsGeneratedClientsSendItIsAccepted() {
    ObjectNode body =
        json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox', 'multi_shot': false, 'multi_prompt': [], 'duration': '5'}");

    assertThat(api.create(body).status()).isEqualTo(200);
  }

  @Test
  void anEmptyMultiPromptListIsStillRefusedWhenMultiShotUsesIt() {
    ObjectNode body = Bodies.v3t2vMultiShot();
    body.putArray("multi_prompt");

    MockApi.Reply reply = api.create(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("param").asText()).startsWith("multi_prompt");
  }

  @Test
  void aDurationBesideAVideoToEditIsNotValidatedEvenWhenItIsANumber() {
    String url = host.serve("/edit.mp4", SyntheticMedia.mp4(1280, 720, 24, 5));
    ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'Make it snow', 'duration': 7}");
    Bodies.video(url, "base").accept(body);

    JsonNode metadata = api.create(body).assertQueued().path("metadata");

    assertThat(metadata.path("ignored_params").toString()).contains("\"duration\"");
    assertThat(metadata.path("duration").asDouble()).isEqualTo(5.0);
  }

  @Test
  void aUsedFieldIsStillValidated() {
    ObjectNode body = Bodies.v3t2v();
    body.put("prompt", "p".repeat(2600));

    api.create(body).assertError(400, "invalid_parameter", "prompt", "v3t2v.prompt.max-length");
  }
}
