package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kirincontract.mock.KirinMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** One line per request, unless the request log is off. */
class RequestLogTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Logger logger = (Logger) LoggerFactory.getLogger("io.kirincontract.mock.requests");
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level levelBefore;

  @BeforeEach
  void capture() {
    levelBefore = logger.getLevel();
    logger.setLevel(Level.INFO);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
    logger.setLevel(levelBefore);
  }

  @Test
  void eachRequestIsOneLineWithMethodPathStatusAndMilliseconds() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.host("127.0.0.1").port(0))) {
      get(server.baseUrl() + "/health");
      get(server.baseUrl() + "/nowhere");
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> messages().size() >= 2);
    assertThat(messages()).anySatisfy(line -> assertThat(line).matches("GET /health 200 \\d+\\.\\dms"));
    assertThat(messages()).anySatisfy(line -> assertThat(line).matches("GET /nowhere 404 \\d+\\.\\dms"));
  }

  @Test
  void offLogsNoRequest() throws Exception {
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.host("127.0.0.1").port(0).requestLog(false))) {
      assertThat(get(server.baseUrl() + "/health")).isEqualTo(200);
      assertThat(get(server.baseUrl() + "/nowhere")).isEqualTo(404);
    }

    assertThat(messages()).isEmpty();
  }

  @Test
  void millisecondsAreShownToATenth() {
    assertThat(RequestLog.tenths(3.14f)).isEqualTo("3.1ms");
    assertThat(RequestLog.tenths(0f)).isEqualTo("0.0ms");
    assertThat(RequestLog.tenths(12.96f)).isEqualTo("13.0ms");
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static int get(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
