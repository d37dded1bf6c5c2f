package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP for the proxy's tests. Unlike the other tests' client it does not check answers against the spec: through
 * the proxy they are the upstream's, and some break the spec on purpose.
 */
final class ProxyHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private ProxyHttp() {}

  static HttpResponse<String> create(String baseUrl, String key, String body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/videos/generations"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode drift(String baseUrl) throws IOException, InterruptedException {
    HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/__admin/drift")).GET());
    if (answer.statusCode() != 200) {
      throw new AssertionError("GET /__admin/drift: " + answer.statusCode() + " " + answer.body());
    }
    return JSON.readTree(answer.body());
  }

  static JsonNode json(String body) throws IOException {
    return JSON.readTree(body);
  }
}
