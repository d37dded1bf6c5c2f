package io.kirincontract.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Jetty starts while the runtime is built: a request that reaches the port before the runtime is ready waits at the
 * gate and is then answered in full; none is answered by a half-built server.
 */
class StartGateTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  @Test
  void requestsRacingTheStartAreRefusedOrAnsweredInFullNeverHalfWay() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    CompletableFuture<KirinMockServer> starting =
        CompletableFuture.supplyAsync(() -> KirinMockServer.start(config -> config.host("127.0.0.1").port(port)));
    List<Integer> statuses = new ArrayList<>();
    List<String> bodies = new ArrayList<>();
    try {
      while (!starting.isDone() || statuses.isEmpty()) {
        try {
          HttpResponse<String> answer =
              HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/videos/generations/task_1"))
                      .header("Authorization", "Bearer k")
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          statuses.add(answer.statusCode());
          bodies.add(answer.body());
        } catch (ConnectException notListeningYet) {
          Thread.sleep(5);
        }
      }
    } finally {
      starting.join().close();
    }

    assertThat(statuses).isNotEmpty().containsOnly(404);
    assertThat(bodies).allSatisfy(body -> assertThat(body).contains("\"code\":\"task_not_found\""));
  }
}
