package io.kirincontract.mock.robustness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * Sends probes with {@code java.net.http} over kept-alive connections, and the ones it refuses to build (odd method
 * tokens, paths that are not URIs, restricted or malformed headers) with {@link RawHttp}, as well as any request
 * {@code java.net.http} fails to exchange. Either way an answer that
 * takes longer than the timeout is a {@link RawHttp.NoAnswerException}.
 */
final class FuzzClient {

  private final HttpClient client;
  private final RawHttp raw;
  private final String baseUrl;
  private final Duration timeout;
  private final int port;

  FuzzClient(int port, Duration timeout) {
    this.client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    this.raw = new RawHttp(port, timeout);
    this.baseUrl = "http://127.0.0.1:" + port;
    this.timeout = timeout;
    this.port = port;
  }

  RawHttp raw() {
    return raw;
  }

  Answer send(Probe probe) throws IOException, InterruptedException {
    HttpRequest request;
    try {
      request = build(probe);
    } catch (IllegalArgumentException notSendableThisWay) {
      return raw.send(probe);
    }
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    } catch (HttpTimeoutException e) {
      throw new RawHttp.NoAnswerException("no answer within " + timeout.toMillis() + " ms");
    } catch (IOException clientSide) {
      // java.net.http's own failures (a kept-alive connection the server had closed, its NPE on some non-ASCII
      // paths): the same request on a fresh connection says what the server answers
      return raw.send(probe);
    }
  }

  private HttpRequest build(Probe probe) {
    URI uri = URI.create(baseUrl + probe.path());
    if (!"127.0.0.1".equals(uri.getHost()) || uri.getPort() != port) {
      // a generated path such as "@host/" would turn into another host: only loopback is ever a target
      throw new IllegalArgumentException("not the mock's address: " + uri);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .method(
                probe.method(),
                probe.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    probe.headers().forEach(
        (name, value) -> {
          if (value != null) {
            builder.header(name, value);
          }
        });
    return builder.build();
  }
}
