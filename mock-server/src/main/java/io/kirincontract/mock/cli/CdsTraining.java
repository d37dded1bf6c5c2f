package io.kirincontract.mock.cli;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The training run behind {@code --cds-training}: the build runs the jar once with {@code
 * -XX:ArchiveClassesAtExit}, and the classes this run loads are written to a class-data sharing archive that later
 * starts map instead of loading and verifying them again. It starts a server on a free loopback port, sends it the
 * requests a start-up and a first test run make (health, spec, docs, a valid and an invalid create, a poll, an
 * unknown route), and stops.
 */
final class CdsTraining {

  private static final String TEXT_TASK =
      "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A red fox trots across a snowy meadow\",\"duration\":\"5\"}";
  private static final String BROKEN_TASK =
      "{\"model\":\"kirin_v3_t2v\",\"multi_shot\":true,\"shot_type\":\"customize\",\"duration\":\"10\","
          + "\"multi_prompt\":[{\"index\":1,\"prompt\":\"a\",\"duration\":\"4\"},"
          + "{\"index\":2,\"prompt\":\"b\",\"duration\":\"5\"}]}";

  private CdsTraining() {}

  /** Runs the requests; returns how many answered with the status they should. */
  static int run() throws IOException, InterruptedException {
    int expected = 0;
    try (KirinMockServer server =
        KirinMockServer.start(new MockConfig().host("127.0.0.1").port(0).mediaFetch(false))) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + server.port();
      expected += get(http, base + "/health") == 200 ? 1 : 0;
      expected += get(http, base + "/openapi.yaml") == 200 ? 1 : 0;
      expected += get(http, base + "/docs") == 200 ? 1 : 0;
      expected += get(http, base + "/nowhere") == 404 ? 1 : 0;
      HttpResponse<String> created = post(http, base, TEXT_TASK);
      expected += created.statusCode() == 200 ? 1 : 0;
      expected += post(http, base, BROKEN_TASK).statusCode() == 400 ? 1 : 0;
      String id = created.body().replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
      expected += get(http, base + "/v1/videos/generations/" + id) == 200 ? 1 : 0;
    }
    return expected;
  }

  /** The number of requests {@link #run()} makes. */
  static int requests() {
    return List.of("health", "spec", "docs", "unknown", "create", "invalid", "poll").size();
  }

  private static int get(HttpClient http, String url) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer cds-training").GET().build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static HttpResponse<String> post(HttpClient http, String base, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/v1/videos/generations"))
            .header("Authorization", "Bearer cds-training")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
