package io.kirincontract.conformance.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP endpoint that takes the server's callbacks: every POST body is kept in arrival order and answered
 * {@code 200}. Listens on loopback, or on every interface when the server under test reaches this machine by
 * {@code kirin.mediaHost}.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One callback as received. */
  public record Received(String path, String body) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private CallbackReceiver(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * @param mediaHost the host name for callback URLs, or {@code null} for loopback only
   * @param port the port to listen on, 0 for any
   */
  public static CallbackReceiver start(String mediaHost, int port) {
    try {
      InetSocketAddress address =
          mediaHost == null ? new InetSocketAddress("127.0.0.1", port) : new InetSocketAddress(port);
      HttpServer server = HttpServer.create(address, 0);
      ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "conformance-callbacks");
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(executor);
      CallbackReceiver receiver = new CallbackReceiver(server, executor, mediaHost == null ? "127.0.0.1" : mediaHost);
      server.createContext("/", receiver::take);
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the callback receiver", e);
    }
  }

  /** A callback URL on this receiver; the path tells tasks apart. */
  public String url(String path) {
    return "http://" + host + ":" + server.getAddress().getPort() + "/callbacks/" + path;
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
    server.stop(0);
    executor.shutdownNow();
  }
}
