package io.kirincontract.mock.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small HTTP client for the mock's API. Every JSON response it receives is checked against the spec before the
 * test sees it.
 */
public final class MockApi {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

  private final String baseUrl;
  private final String key;

  public MockApi(String baseUrl, String key) {
    this.baseUrl = baseUrl;
    this.key = key;
  }

  /** The same server, another API key (another tenant). */
  public MockApi withKey(String otherKey) {
    return new MockApi(baseUrl, otherKey);
  }

  /** {@code POST /v1/videos/generations} with a JSON body. */
  public Reply create(JsonNode body) {
    return create(write(body));
  }

  public Reply create(String body) {
    return send("POST", "/v1/videos/generations", Map.of("Content-Type", "application/json"), body);
  }

  /** {@code POST /v1/videos/generations} with the {@code X-Kirin-Mock-Scenario} header. */
  public Reply create(JsonNode body, String scenario) {
    return send(
        "POST",
        "/v1/videos/generations",
        Map.of("Content-Type", "application/json", "X-Kirin-Mock-Scenario", scenario),
        write(body));
  }

  /** {@code GET /v1/videos/generations/{id}}, expecting 200, as JSON. */
  public JsonNode task(String id) {
    Reply reply = get("/v1/videos/generations/" + id);
    assertThat(reply.status()).as("GET task %s: %s", id, reply.raw()).isEqualTo(200);
    return reply.json();
  }

  /**
   * An admin request with an optional JSON body (no API key is sent), always with {@code Content-Type:
   * application/json}: admin writes need it even without a body.
   */
  public Reply admin(String method, String path, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", null);
    headers.put("Content-Type", "application/json");
    return new MockApi(baseUrl, null).send(method, path, headers, body);
  }

  /** GETs an absolute URL without any key (result files). */
  public static Download download(String url) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Download(
          response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A downloaded file. */
  public record Download(int status, byte[] body, String contentType) {}

  public Reply get(String path) {
    return send("GET", path, Map.of(), null);
  }

  /** Any request; the bearer key is added unless {@code headers} holds an Authorization entry. */
  public Reply send(String method, String path, Map<String, String> headers, String body) {
    Map<String, String> all = new LinkedHashMap<>();
    if (key != null) {
      all.put("Authorization", "Bearer " + key);
    }
    all.putAll(headers);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    all.forEach(
        (name, value) -> {
          if (value != null) {
            request.header(name, value);
          }
        });
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Reply reply = new Reply(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
      if (reply.contentType().startsWith("application/json")) {
        SpecConformance.assertConforms(method, path, reply.status(), reply.raw());
      }
      return reply;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static String write(JsonNode body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A response: status, body as text and as JSON. */
  public record Reply(int status, String raw, String contentType) {

    public JsonNode json() {
      try {
        return JSON.readTree(raw);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw, e);
      }
    }

    /** The {@code error} object of an error envelope. */
    public JsonNode error() {
      JsonNode error = json().path("error");
      assertThat(error.isObject()).as("an error envelope, got %d %s", status, raw).isTrue();
      return error;
    }

    /** Asserts the status, code, param and rule of the first error. */
    public Reply assertError(int expectedStatus, String code, String param, String rule) {
      assertThat(status).as("status of %s", raw).isEqualTo(expectedStatus);
      JsonNode error = error();
      assertThat(error.path("code").asText()).as("code of %s", raw).isEqualTo(code);
      assertThat(error.path("error_message").asText()).isNotBlank();
      assertThat(error.path("param").isMissingNode() ? null : error.path("param").asText())
          .as("param of %s", raw)
          .isEqualTo(param);
      assertThat(error.path("rule").isMissingNode() ? null : error.path("rule").asText())
          .as("rule of %s", raw)
          .isEqualTo(rule);
      return this;
    }

    /** Asserts a created task and returns it. */
    public JsonNode assertQueued() {
      assertThat(status).as("status of %s", raw).isEqualTo(200);
      JsonNode task = json();
      assertThat(task.path("status").asText()).isEqualTo("queued");
      return task;
    }
  }
}
