package io.kirincontract.mock.proxy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.util.internal.KeyId;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Judging happens after the answer, keeps the key secret, and can record what drifted as cases. */
class ProxyJudgingTest {

  @Test
  void aJudgementThatWaitsForMediaDoesNotDelayTheAnswer() throws Exception {
    try (FakeUpstream provider = new FakeUpstream();
        FakeUpstream mediaHost = new FakeUpstream();
        KirinMockServer proxy = ProxyForwardingTest.proxyTo(provider.baseUrl(), config -> {})) {
      provider.answers(400, "{\"error\": {\"code\": \"8002009001\", \"error_message\": \"image unreadable\"}}");
      mediaHost.hold(); // the mock's own verdict fetches the image: that fetch hangs until released
      String body =
          "{\"model\": \"kirin_v3_i2v\", \"prompt\": \"The camera pulls back\", \"image\": \""
              + mediaHost.baseUrl() + "/still.png\"}";

      HttpResponse<String> answer = ProxyHttp.create(proxy.baseUrl(), "sk-live", body);

      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(mediaHost.take().uri()).isEqualTo("/still.png"); // the judge is busy with this exchange
      assertThat(ProxyHttp.drift(proxy.baseUrl()).path("exchanges").asLong()).isZero();
      mediaHost.release();
      await().atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(ProxyHttp.drift(proxy.baseUrl()).path("exchanges").asLong()).isEqualTo(1));
    }
  }

  @Test
  void theKeyGoesUpstreamAsGivenAndIsShownOnlyAsItsKeyId() throws Exception {
    String key = "sk-live-SECRET-4242";
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger requests = (Logger) LoggerFactory.getLogger("io.kirincontract.mock.requests");
    Level before = requests.getLevel();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    root.addAppender(lines);
    requests.setLevel(Level.DEBUG);
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (FakeUpstream provider = new FakeUpstream();
        KirinMockServer proxy =
            KirinMockServer.start(
                config -> config.port(0).requestLog(true).proxyTo(URI.create(provider.baseUrl())));
        KirinMockServer deadEnd = ProxyForwardingTest.proxyTo("http://127.0.0.1:" + closedPort, config -> {})) {
      provider.answers(400, "{\"error\": {\"code\": \"7770001\", \"error_message\": \"new\"}}");

      ProxyHttp.create(proxy.baseUrl(), key, DriftKindsTest.SHOTS_TOO_LONG);
      ProxyHttp.create(deadEnd.baseUrl(), key, DriftKindsTest.SHOTS_TOO_LONG);

      assertThat(provider.take().header("Authorization")).isEqualTo("Bearer " + key);
      JsonNode drift = DriftKindsTest.onlyItem(proxy, "unknown_code");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> ProxyHttp.drift(deadEnd.baseUrl()).path("exchanges").asLong() == 1);
      String shown =
          ProxyHttp.drift(proxy.baseUrl()) + "\n" + ProxyHttp.drift(deadEnd.baseUrl()) + "\n"
              + journal(proxy) + "\n" + journal(deadEnd);
      assertThat(drift.at("/example/request/key_id").asText()).isEqualTo(KeyId.of(key));
      assertThat(shown).contains(KeyId.of(key)).doesNotContain(key);
      assertThat(lines.list).isNotEmpty();
      assertThat(lines.list)
          .allSatisfy(line -> assertThat(line.getFormattedMessage() + line.getThrowableProxy()).doesNotContain(key));
    } finally {
      root.detachAppender(lines);
      requests.setLevel(before);
    }
  }

  @Test
  void aDriftedExchangeIsRecordedAsACaseFileOfItsRule(@TempDir Path cases) throws Exception {
    try (KirinMockServer upstream =
            KirinMockServer.start(config -> config.port(0).requestLog(false).disableRule(DriftKindsTest.DURATIONS_SUM));
        KirinMockServer proxy =
            ProxyForwardingTest.proxyTo(upstream.baseUrl(), config -> config.proxyRecord(cases))) {
      ProxyHttp.create(proxy.baseUrl(), "sk-live-recorded", DriftKindsTest.SHOTS_TOO_LONG);
      ProxyHttp.create(proxy.baseUrl(), "sk-live-recorded", DriftKindsTest.VALID);

      await().atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(ProxyHttp.drift(proxy.baseUrl()).path("exchanges").asLong()).isEqualTo(2));
      List<Path> files;
      try (Stream<Path> listed = Files.list(cases)) {
        files = listed.toList();
      }
      assertThat(files).hasSize(1);
      String text = Files.readString(files.get(0));
      JsonNode file = new ObjectMapper(new YAMLFactory()).readTree(text);
      assertThat(file.path("model").asText()).isEqualTo("kirin_v3_t2v");
      assertThat(file.path("base")).isEqualTo(ProxyHttp.json(DriftKindsTest.SHOTS_TOO_LONG));
      assertThat(file.at("/cases/0/rule").asText()).isEqualTo(DriftKindsTest.DURATIONS_SUM);
      assertThat(file.at("/cases/0/break").asText()).startsWith("rule_not_enforced");
      assertThat(file.at("/cases/0/expect/status").asInt()).isEqualTo(400);
      assertThat(file.at("/cases/0/expect/code").asText()).isEqualTo("invalid_parameter");
      assertThat(text).doesNotContain("sk-live-recorded");
    }
  }

  private static String journal(KirinMockServer mock) throws Exception {
    HttpResponse<String> answer =
        ProxyHttp.send(HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/requests")));
    assertThat(answer.body()).contains("/v1/videos/generations");
    return answer.body();
  }
}
