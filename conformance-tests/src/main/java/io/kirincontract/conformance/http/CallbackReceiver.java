package io.kirincontract.conformance.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP endpoint that takes the server's callbacks: every POST body is kept in arrival order and answered
 * {@code 200}. Listens on loopback, or on every interface when the server under test reaches this machine by
 * {@code kirin.mediaHost}.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One callback as received. */
  public record Received(String path, String body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final LocalEndpoint endpoint;

  private CallbackReceiver(String mediaHost, int port) {
    this.endpoint =
        LocalEndpoint.start(mediaHost, port, 2, "conformance-callbacks", "/", this::take, "the callback receiver");
  }

  /**
   * @param mediaHost the host name for callback URLs, or {@code null} for loopback only
   * @param port the port to listen on, 0 for any
   */
  public static CallbackReceiver start(String mediaHost, int port) {
    return new CallbackReceiver(mediaHost, port);
  }

  /** A callback URL on this receiver; the path tells tasks apart. */
  public String url(String path) {
    return endpoint.baseUrl() + "/callbacks/" + path;
  }

  /** The bodies received at a path, in arrival order. */
  public List<String> bodies(String path) {
    return received.stream().filter(r -> r.path().equals("/callbacks/" + path)).map(Received::body).toList();
  }

  private void take(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if ("POST".equals(exchange.getRequestMethod())) {
        received.add(new Received(exchange.getRequestURI().getPath(), body));
      }
      exchange.sendResponseHeaders(200, -1);
    }
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
