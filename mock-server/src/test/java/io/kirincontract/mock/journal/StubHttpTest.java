package io.kirincontract.mock.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stubs over HTTP, met by real HTTP clients: answers, lost and cut answers, resets, delays, listing, errors. */
class StubHttpTest {

  private static final String KEY = "stub-key";

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-12-02T10:00:00Z")))
          .build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), KEY);

  @Test
  void anAnswerStubAnswersTheNextMatchingRequestsInsteadOfTheMockAndMakesNoTask() throws Exception {
    String id =
        arm("{\"match\": {\"method\": \"POST\", \"path\": \"/v1/videos/generations\", \"key\": \"" + KEY + "\"},"
            + " \"times\": 1, \"answer\": {\"status\": 429, \"headers\": {\"Retry-After\": \"2\"}}}");
    assertThat(id).matches("stub_\\d+");

    HttpResponse<String> refused = send(Bodies.v3t2v().toString());
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
    JsonNode error = json(refused.body()).path("error");
    assertThat(error.path("code").asText()).isEqualTo("006001094"); // V3's own code for 429
    assertThat(error.path("error_message").asText()).contains(id);
    assertThat(server.admin().tasks()).isEmpty();

    api.create(Bodies.v3t2v()).assertQueued();
    api.withKey("another-key").create(Bodies.v3t2v()).assertQueued();

    JsonNode entries = api.admin("GET", "/__admin/requests", null).json().path("requests");
    assertThat(entries.get(0).path("stub").asText()).isEqualTo(id);
    assertThat(entries.get(0).path("status").asInt()).isEqualTo(429);
    assertThat(entries.get(0).path("error_code").asText()).isEqualTo("006001094");
    assertThat(entries.get(1).path("stub").isNull()).isTrue();
  }

  @Test
  void anAnswerWithABodyIsSentAsGivenAndWithoutABodyTheProjectCodeStandsInWhereTheModelHasNone() throws Exception {
    arm("{\"match\": {\"model\": \"kirin_video_o1\"}, \"times\": 2, \"answer\": {\"status\": 503,"
        + " \"body\": {\"error\": {\"code\": \"overloaded\", \"error_message\": \"try later\"}}}}");

    HttpResponse<String> first = send(Bodies.o1().toString());
    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(json(first.body())).isEqualTo(json("{\"error\": {\"code\": \"overloaded\", \"error_message\": \"try later\"}}"));
    assertThat(first.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    api.create(Bodies.v3t2v()).assertQueued(); // another model: not matched
    assertThat(send(Bodies.o1().toString()).statusCode()).isEqualTo(503);
    api.create(Bodies.o1()).assertQueued(); // used up

    arm("{\"match\": {\"model\": \"kirin_video_o1\"}, \"answer\": {\"status\": 429}}");
    api.create(Bodies.o1()).assertError(429, "task_resource_insufficient", null, null);
  }

  @Test
  void aLostAnswerCreatesTheTaskThenClosesTheConnectionWithoutAnAnswer() {
    String id = arm("{\"match\": {\"method\": \"POST\"}, \"fault\": \"lost_answer\"}");

    assertThatThrownBy(() -> send(Bodies.with(Bodies.v3t2v(), b -> b.put("external_task_id", "order-1")).toString()))
        .isInstanceOf(IOException.class);

    assertThat(server.admin().tasks()).hasSize(1);
    assertThat(server.admin().tasks().get(0).task().externalTaskId()).isEqualTo("order-1");
    JsonNode entry = api.admin("GET", "/__admin/requests", null).json().path("requests").get(0);
    assertThat(entry.path("stub").asText()).isEqualTo(id);
    assertThat(entry.path("fault").asText()).isEqualTo("lost_answer");
    assertThat(entry.path("status").asInt()).isEqualTo(200);
    assertThat(entry.path("task_id").asText()).isEqualTo(server.admin().tasks().get(0).task().id());
    api.create(Bodies.v3t2v()).assertQueued(); // used once
  }

  @Test
  void aGarbledAnswerCreatesTheTaskAndCutsTheAnswerInTheMiddleOfItsJson() throws Exception {
    arm("{\"match\": {\"method\": \"POST\"}, \"fault\": \"garbled_answer\"}");

    String raw = rawCreate(Bodies.v3t2v().toString());

    assertThat(raw).startsWith("HTTP/1.1 200");
    int length = Integer.parseInt(raw.replaceAll("(?s).*\r\n[Cc]ontent-[Ll]ength: (\\d+)\r\n.*", "$1"));
    String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(body).startsWith("{\"id\":");
    assertThat(body.length()).isLessThan(length).isGreaterThan(0);
    assertThatThrownBy(() -> MockApi.JSON.readTree(body)).isInstanceOf(IOException.class);
    assertThat(server.admin().tasks()).hasSize(1);
    assertThat(api.admin("GET", "/__admin/requests", null).json().path("requests").get(0).path("fault").asText())
        .isEqualTo("garbled_answer");
  }

  @Test
  void aResetClosesTheConnectionAtOnceAndCreatesNothing() throws Exception {
    arm("{\"match\": {\"method\": \"POST\"}, \"fault\": \"reset\"}");

    assertThat(rawCreate(Bodies.v3t2v().toString())).isEmpty();

    assertThat(server.admin().tasks()).isEmpty();
    JsonNode entry = api.admin("GET", "/__admin/requests", null).json().path("requests").get(0);
    assertThat(entry.path("status").isNull()).isTrue();
    assertThat(entry.path("outcome").asText()).isEqualTo("refused");
    assertThat(entry.path("fault").asText()).isEqualTo("reset");
    assertThat(entry.path("task_id").isNull()).isTrue();
  }

  @Test
  void aDelayGivesTheMocksOwnAnswerThatMuchLater() {
    arm("{\"match\": {\"method\": \"POST\"}, \"delay\": \"PT0.3S\"}");

    api.create(Bodies.v3t2v()).assertQueued();

    JsonNode entry = api.admin("GET", "/__admin/requests", null).json().path("requests").get(0);
    assertThat(entry.path("elapsed_ms").asDouble()).isGreaterThanOrEqualTo(300);
    assertThat(entry.path("stub").asText()).startsWith("stub_");
    assertThat(server.admin().tasks()).hasSize(1);
  }

  @Test
  void stubsAreListedWithTheirUsesLeftAndRemovedOneByOneAllAtOnceOrByReset() {
    String first = arm("{\"match\": {\"path_regex\": \"/v1/videos/generations/.+\"}, \"times\": 3, \"answer\": {\"status\": 500}}");
    String second = arm("{\"fault\": \"reset\"}");
    api.get("/v1/videos/generations/abc").assertError(500, "internal_error", null, null);

    JsonNode stubs = api.admin("GET", "/__admin/stubs", null).json().path("stubs");
    assertThat(stubs.findValuesAsText("id")).containsExactly(first, second);
    assertThat(stubs.get(0).path("times").asInt()).isEqualTo(3);
    assertThat(stubs.get(0).path("remaining").asInt()).isEqualTo(2);
    assertThat(stubs.get(0).path("match").path("path_regex").asText()).isEqualTo("/v1/videos/generations/.+");
    assertThat(stubs.get(1).path("fault").asText()).isEqualTo("reset");

    api.admin("DELETE", "/__admin/stubs/" + second, "").json();
    api.admin("DELETE", "/__admin/stubs/" + second, "").assertError(404, "stub_not_found", null, null);
    assertThat(api.admin("GET", "/__admin/stubs", null).json().path("stubs")).hasSize(1);
    api.admin("DELETE", "/__admin/stubs", "");
    assertThat(api.admin("GET", "/__admin/stubs", null).json().path("stubs")).isEmpty();

    arm("{\"answer\": {\"status\": 500}}");
    api.admin("POST", "/__admin/reset", "{}");
    assertThat(api.admin("GET", "/__admin/stubs", null).json().path("stubs")).isEmpty();
    api.create(Bodies.v3t2v()).assertQueued();
  }

  @Test
  void aStubMatchesOnTheBodyWithTheJournalsMatcher() {
    arm("{\"match\": {\"body\": [{\"path\": \"$.watermark_info.enabled\", \"equals\": true}]},"
        + " \"answer\": {\"status\": 400}}");

    api.create(Bodies.o1()).assertQueued();
    api.create(Bodies.with(Bodies.o1(), b -> b.putObject("watermark_info").put("enabled", true)))
        .assertError(400, "002015001", null, null);
  }

  @Test
  void aMalformedStubIs400NamingTheField() {
    stubError("{\"match\": {\"status\": 400}, \"answer\": {\"status\": 500}}", "match");
    stubError("{\"match\": {\"body\": [{\"path\": \"$[\", \"absent\": true}]}, \"answer\": {\"status\": 500}}", "match.body[0].path");
    stubError("{\"match\": {\"colour\": 1}, \"answer\": {\"status\": 500}}", "match.colour");
    stubError("{\"fault\": \"explode\"}", "fault");
    stubError("{\"answer\": {\"status\": 99}}", "answer.status");
    stubError("{\"answer\": {}}", "answer.status");
    stubError("{\"answer\": {\"status\": 500, \"headers\": {\"Retry-After\": {}}}}", "answer.headers.Retry-After");
    stubError("{\"times\": 0, \"answer\": {\"status\": 500}}", "times");
    stubError("{\"delay\": \"3s\"}", "delay");
    stubError("{\"delay\": \"PT2M\"}", "delay");
    stubError("{\"answer\": {\"status\": 500}, \"fault\": \"reset\"}", "fault");
    stubError("{\"match\": {}}", "answer");
    stubError("{\"answer\": {\"status\": 500}, \"then\": 1}", "then");
    assertThat(api.admin("GET", "/__admin/stubs", null).json().path("stubs")).isEmpty();
  }

  private void stubError(String stub, String param) {
    api.admin("POST", "/__admin/stubs", stub).assertError(400, "invalid_parameter", param, null);
  }

  private String arm(String stub) {
    MockApi.Reply reply = api.admin("POST", "/__admin/stubs", stub);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.json().path("id").asText();
  }

  private HttpResponse<String> send(String body) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/videos/generations"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + KEY)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A create over a plain socket: everything the server sent before it closed the connection. */
  private String rawCreate(String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
      socket.setSoTimeout(30_000);
      String head =
          "POST /v1/videos/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + KEY
              + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          received.write(buffer, 0, n);
        }
      } catch (java.net.SocketException e) {
        // a reset connection: what arrived before is the answer
      }
      return received.toString(StandardCharsets.UTF_8);
    }
  }

  private static JsonNode json(String text) throws IOException {
    return MockApi.JSON.readTree(text);
  }
}
