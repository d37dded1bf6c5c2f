package io.kirincontract.mock.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kirincontract.mock.KirinMockServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With {@code proxyTo}, {@code /v1/} requests go upstream unchanged and the upstream's answer comes back. */
class ProxyForwardingTest {

  private FakeUpstream upstream;

  @BeforeEach
  void startUpstream() throws IOException {
    upstream = new FakeUpstream();
  }

  @AfterEach
  void stopUpstream() {
    upstream.close();
  }

  @Test
  void theRequestGoesUpstreamUnchangedAndTheUpstreamsAnswerComesBack() throws Exception {
    upstream.answers(202, "{\"anything\": \"the upstream says\"}");
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> {})) {
      HttpResponse<String> answer =
          ProxyHttp.send(
              HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/videos/generations/external/order-7?x=1&y=%20"))
                  .header("Authorization", "Bearer sk-live-123")
                  .header("X-Trace", "t-1")
                  .method("GET", HttpRequest.BodyPublishers.noBody()));

      assertThat(answer.statusCode()).isEqualTo(202);
      assertThat(answer.body()).isEqualTo("{\"anything\": \"the upstream says\"}");
      assertThat(answer.headers().firstValue("X-Upstream")).contains("fake");
      FakeUpstream.Received received = upstream.take();
      assertThat(received.method()).isEqualTo("GET");
      assertThat(received.uri()).isEqualTo("/v1/videos/generations/external/order-7?x=1&y=%20");
      assertThat(received.header("Authorization")).isEqualTo("Bearer sk-live-123");
      assertThat(received.header("X-Trace")).isEqualTo("t-1");
    }
  }

  @Test
  void aCreateIsForwardedWithItsBodyAndTheMockMakesNoTaskOfItsOwn() throws Exception {
    upstream.answers(400, "{\"error\": {\"code\": \"invalid_parameter\", \"error_message\": \"no\"}}");
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> {})) {
      String body = "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"A fox\"}";
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-1", body);

      assertThat(answer.statusCode()).isEqualTo(400);
      FakeUpstream.Received received = upstream.take();
      assertThat(received.method()).isEqualTo("POST");
      assertThat(received.body()).isEqualTo(body);
      assertThat(received.header("Content-Type")).isEqualTo("application/json");
      assertThat(proxy.admin().taskCount()).isZero();
    }
  }

  @Test
  void theAdminApiHealthAndSpecStayLocal() throws Exception {
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> {})) {
      HttpResponse<String> health = ProxyHttp.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/health")));
      HttpResponse<String> spec = ProxyHttp.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/openapi.yaml")));
      HttpResponse<String> tasks =
          ProxyHttp.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/__admin/tasks")));

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(spec.body()).contains("openapi: 3.0.3");
      assertThat(tasks.statusCode()).isEqualTo(200);
      assertThat(upstream.pending()).isZero();
    }
  }

  @Test
  void anUnreachableUpstreamIsA502InTheEnvelopeAtOnce() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KirinMockServer proxy = proxyTo("http://127.0.0.1:" + closedPort, config -> {})) {
      long start = System.nanoTime();
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"model\": \"kirin_v3_t2v\"}");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(ProxyHttp.json(answer.body()).at("/error/code").asText()).isEqualTo("upstream_unreachable");
      assertThat(took).isLessThan(Forwarder.CONNECT_TIMEOUT);
      await().atMost(Duration.ofSeconds(10))
          .untilAsserted(() -> assertThat(ProxyHttp.drift(proxy.baseUrl()).at("/by_kind/upstream_unreachable").asLong())
              .isEqualTo(1));
    }
  }

  @Test
  void anUpstreamSlowerThanTheProxyTimeoutIsA504WithinTheBound() throws Exception {
    upstream.hold();
    Duration timeout = Duration.ofMillis(300);
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> config.proxyTimeout(timeout))) {
      long start = System.nanoTime();
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"model\": \"kirin_v3_t2v\"}");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer.statusCode()).isEqualTo(504);
      assertThat(ProxyHttp.json(answer.body()).at("/error/code").asText()).isEqualTo("upstream_timeout");
      assertThat(took).isGreaterThanOrEqualTo(timeout).isLessThan(Duration.ofSeconds(10));
    } finally {
      upstream.release();
    }
  }

  @Test
  void aBodyOverTheLimitIsRefusedBeforeForwarding() throws Exception {
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> config.maxBodySize(1_000))) {
      HttpResponse<String> answer =
          ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"prompt\": \"" + "x".repeat(2_000) + "\"}");

      assertThat(answer.statusCode()).isEqualTo(413);
      assertThat(upstream.pending()).isZero();
    }
  }

  @Test
  void anEndlessAnswerIsCutOffAtTheLimitAndIsA502() throws Exception {
    upstream.streams(10L * 1024 * 1024 * 1024, false);
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> config.maxBodySize(64 * 1024))) {
      long start = System.nanoTime();
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"model\": \"kirin_v3_t2v\"}");
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(ProxyHttp.json(answer.body()).at("/error/code").asText()).isEqualTo("upstream_unreachable");
      assertThat(ProxyHttp.json(answer.body()).at("/error/error_message").asText())
          .contains("more than the limit of 65536 bytes");
      assertThat(took).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void anAnswerThatDeclaresMoreThanTheLimitIsA502BeforeItsBodyIsRead() throws Exception {
    upstream.streams(10_000_000, true);
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> config.maxBodySize(64 * 1024))) {
      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"model\": \"kirin_v3_t2v\"}");

      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(ProxyHttp.json(answer.body()).at("/error/error_message").asText()).contains("(10000000 when cut off)");
    }
  }

  @Test
  void theUpstreamIsSpokenToInHttp11WithoutUpgradeHeaders() throws Exception {
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> {})) {
      ProxyHttp.create(proxy.baseUrl(), "sk-1", "{\"model\": \"kirin_v3_t2v\"}");

      FakeUpstream.Received received = upstream.take();
      assertThat(received.header("Upgrade")).isNull();
      assertThat(received.header("HTTP2-Settings")).isNull();
    }
  }

  @Test
  void theDriftRoutesNeedTheAdminTokenWhenOneIsSet() throws Exception {
    try (KirinMockServer proxy = proxyTo(upstream.baseUrl(), config -> config.adminToken("admin-secret"))) {
      HttpResponse<String> without =
          ProxyHttp.send(HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/__admin/drift")));
      HttpResponse<String> with =
          ProxyHttp.send(
              HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/__admin/drift"))
                  .header("Authorization", "Bearer admin-secret"));

      assertThat(without.statusCode()).isEqualTo(401);
      assertThat(with.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void withoutAProxyTheDriftRouteSaysHowToTurnItOn() throws Exception {
    try (KirinMockServer mock = KirinMockServer.start(config -> config.port(0).requestLog(false))) {
      HttpResponse<String> answer = ProxyHttp.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/drift")));

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).contains("--proxy-to");
    }
  }

  @Test
  void hopByHopHeadersAreNotForwarded() {
    Map<String, java.util.List<String>> headers =
        Map.of("Connection", java.util.List.of("close, X-Private"), "X-Private", java.util.List.of("1"));

    assertThat(Forwarder.endToEnd("Keep-Alive", headers)).isFalse();
    assertThat(Forwarder.endToEnd("Transfer-Encoding", headers)).isFalse();
    assertThat(Forwarder.endToEnd("X-Private", headers)).isFalse();
    assertThat(Forwarder.endToEnd("Authorization", headers)).isTrue();
    assertThat(Forwarder.endToEnd("Idempotency-Key", headers)).isTrue();
  }

  static KirinMockServer proxyTo(String upstream, java.util.function.Consumer<io.kirincontract.mock.MockConfig> more) {
    return KirinMockServer.start(
        config -> {
          config.port(0).requestLog(false).proxyTo(URI.create(upstream));
          more.accept(config);
        });
  }
}
