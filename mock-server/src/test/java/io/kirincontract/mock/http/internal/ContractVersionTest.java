package io.kirincontract.mock.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The mock reports the contract version it enforces, {@code info.version} of the spec it bundles: in {@code /health},
 * in its start line, and in {@code X-Kirin-Contract-Version} on every answer, errors and Jetty's own refusals too.
 */
class ContractVersionTest {

  private static final String VERSION = KirinSpec.load().version();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ListAppender<ILoggingEvent> START_LINES = new ListAppender<>();
  private static final Logger SERVER_LOG = (Logger) LoggerFactory.getLogger(KirinMockServer.class);

  private static KirinMockServer server;
  private static Level levelBefore;

  @BeforeAll
  static void start() {
    levelBefore = SERVER_LOG.getLevel();
    SERVER_LOG.setLevel(Level.INFO);
    START_LINES.start();
    SERVER_LOG.addAppender(START_LINES);
    server = KirinMockServer.start(config -> config.port(0).maxBodySize(64 * 1024));
    SERVER_LOG.detachAppender(START_LINES);
    SERVER_LOG.setLevel(levelBefore);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void healthReportsTheContractVersion() throws Exception {
    HttpResponse<String> health = send("GET", "/health", null, null);

    assertThat(new ObjectMapper().readTree(health.body()).path("contract_version").asText()).isEqualTo(VERSION);
    assertThat(health.headers().firstValue(ContractVersionHeader.NAME)).contains(VERSION);
  }

  @Test
  void theStartLineNamesTheContractVersion() {
    assertThat(START_LINES.list)
        .anySatisfy(line -> assertThat(line.getFormattedMessage())
            .startsWith("Kirin mock server listening on")
            .contains("contract " + VERSION + ","));
  }

  @Test
  void anAcceptedCreateCarriesTheHeader() throws Exception {
    String body = "{\"model\":\"kirin_v2_master_t2v\",\"prompt\":\"A paper boat\",\"duration\":\"5\"}";
    assertVersioned(send("POST", "/v1/videos/generations", "my-key", body), 200);
  }

  @Test
  void refusalsOfTheApiCarryTheHeader() throws Exception {
    assertVersioned(send("POST", "/v1/videos/generations", "my-key", "{\"model\":"), 400);
    assertVersioned(send("POST", "/v1/videos/generations", null, "{}"), 401);
    assertVersioned(send("GET", "/v1/videos/generations/no-such-task", "my-key", null), 404);
    assertVersioned(send("POST", "/v1/videos/generations", "my-key", "{\"prompt\":\"" + "a".repeat(70_000) + "\"}"), 413);
  }

  @Test
  void unknownRoutesWrongMethodsTheSpecAndTheAdminApiCarryTheHeader() throws Exception {
    assertVersioned(send("GET", "/no/such/route", null, null), 404);
    assertVersioned(send("PUT", "/health", null, "{}"), 405);
    assertVersioned(send("GET", "/openapi.yaml", null, null), 200);
    assertVersioned(send("GET", "/__admin/requests", null, null), 200);
  }

  @Test
  void aRequestJettyRefusesBeforeAnyRouteCarriesTheHeader() throws IOException {
    String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Odd\u0001: v\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400").containsIgnoringCase(ContractVersionHeader.NAME + ": " + VERSION);
  }

  private static void assertVersioned(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    assertThat(answer.headers().firstValue(ContractVersionHeader.NAME)).as(answer.uri().toString()).contains(VERSION);
  }

  private static HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The whole answer to raw request bytes, read until the server closes the connection. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }
}
