package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.KirinMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Answers are sent as they are (identity), whatever {@code Accept-Encoding} a client sends; a client that asks for
 * gzip reads the body as it would without asking (see {@link HttpApp#identityOnly}).
 */
class IdentityEncodingTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Two shots adding up to 9 s of a 10 s task: refused by v3.multi-shot.durations-sum. */
  private static final String REFUSED =
      "{\"model\": \"kirin_v3_t2v\", \"multi_shot\": true, \"shot_type\": \"customize\", \"duration\": \"10\","
          + " \"multi_prompt\": [{\"index\": 1, \"prompt\": \"a\", \"duration\": \"4\"},"
          + " {\"index\": 2, \"prompt\": \"b\", \"duration\": \"5\"}]}";

  private static KirinMockServer server;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).requestLog(false));
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aLargeJsonAnswerAskedForWithGzipIsSentAsItIs() throws Exception {
    for (int i = 0; i < 20; i++) {
      HttpResponse<String> refused =
          HTTP.send(
              request("/v1/videos/generations")
                  .header("Authorization", "Bearer key-1")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(REFUSED))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    }

    HttpResponse<String> listing =
        HTTP.send(request("/__admin/requests").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(listing.statusCode()).isEqualTo(200);
    assertThat(listing.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(listing.body().length()).as("well over the 1,500 bytes a compressor would start at").isGreaterThan(4000);
    JsonNode body = JSON.readTree(listing.body());
    assertThat(body.get("requests")).hasSize(20);
  }

  @Test
  void theSpecAskedForWithGzipIsSentAsItIs() throws Exception {
    HttpResponse<String> spec = HTTP.send(request("/openapi.yaml").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(spec.statusCode()).isEqualTo(200);
    assertThat(spec.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(spec.body()).startsWith("openapi:");
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .header("Accept-Encoding", "gzip, deflate, br")
        .timeout(Duration.ofSeconds(10));
  }
}
