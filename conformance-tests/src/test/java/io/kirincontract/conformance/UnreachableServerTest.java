package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pointed at a base URL that does not answer, the suite fails at once, every test with the same clear message. */
class UnreachableServerTest {

  @Test
  @DisplayName("a base URL where nothing listens fails every suite class within seconds, saying so")
  void refusedConnection() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    Instant start = Instant.now();
    List<SuiteRun.Outcome> outcomes =
        SuiteRun.run(Map.of("kirin.baseUrl", url, "kirin.apiKey", "k"), "RuleCasesTest", "EndpointsTest");

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    List<SuiteRun.Outcome> failures = SuiteRun.failures(outcomes);
    assertThat(failures).isNotEmpty();
    assertThat(failures).allSatisfy(failure -> assertThat(failure.message())
        .contains("Kirin server unreachable at " + url)
        .contains("connection refused"));
  }

  @Test
  @DisplayName("a server that accepts connections but never answers fails after the connect timeout, saying so")
  void silentServer() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try (Socket ignored = silent.accept(); Socket ignored2 = silent.accept()) {
          Thread.currentThread().join();
        } catch (IOException | InterruptedException e) {
          // closed by the test
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      Instant start = Instant.now();
      List<SuiteRun.Outcome> outcomes = SuiteRun.run(
          Map.of("kirin.baseUrl", url, "kirin.apiKey", "k", "kirin.connectTimeoutSeconds", "1"), "EndpointsTest");

      assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
      assertThat(SuiteRun.failures(outcomes)).isNotEmpty().allSatisfy(failure ->
          assertThat(failure.message()).contains("unreachable at " + url).contains("no HTTP answer within 2 s"));
      acceptor.interrupt();
    }
  }
}
