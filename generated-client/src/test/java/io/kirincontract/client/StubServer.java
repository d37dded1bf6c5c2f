package io.kirincontract.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free local port that records every request and answers with scripted responses, in
 * order. Without a script left it answers {@code 418} (never retried), so an unexpected request shows.
 */
final class StubServer implements AutoCloseable {

  /** A request as received. */
  record Recorded(String method, String path, Map<String, List<String>> headers, String body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? null : values.get(0);
    }
  }

  private record Scripted(int status, String body, Map<String, String> headers, boolean stall, boolean lose) {
    Scripted(int status, String body, Map<String, String> headers, boolean stall) {
      this(status, body, headers, stall, false);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Deque<Scripted> script = new ConcurrentLinkedDeque<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch released = new CountDownLatch(1);

  private StubServer(int port) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** A stub on a free port. */
  static StubServer start() {
    return new StubServer(0);
  }

  /** A stub on the given port (one that refused connections until now). */
  static StubServer startOn(int port) {
    return new StubServer(port);
  }

  /** A local port with nothing listening: connections to it are refused. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues a JSON response; {@code headers} are name, value pairs. */
  StubServer respond(int status, String body, String... headers) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i + 1 < headers.length; i += 2) {
      map.put(headers[i], headers[i + 1]);
    }
    script.add(new Scripted(status, body, map, false));
    return this;
  }

  /** Queues a response that never comes (until the stub closes): the client's request timeout runs out. */
  StubServer stall() {
    script.add(new Scripted(0, "", Map.of(), true));
    return this;
  }

  /** Queues a lost answer: the request is read, then the connection is closed with no answer at all. */
  StubServer lose() {
    script.add(new Scripted(0, "", Map.of(), false, true));
    return this;
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  Recorded lastRequest() {
    List<Recorded> all = requests();
    if (all.isEmpty()) {
      throw new AssertionError("the stub received no request");
    }
    return all.get(all.size() - 1);
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    threads.shutdownNow();
  }

  private static Map<String, List<String>> caseInsensitive(Headers headers) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return copy;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            caseInsensitive(exchange.getRequestHeaders()),
            body));
    Scripted response = script.poll();
    if (response == null) {
      String unscripted = "{\"error\":{\"code\":\"stub\",\"error_message\":\"no scripted response\"}}";
      response = new Scripted(418, unscripted, Map.of(), false);
    }
    if (response.lose()) {
      exchange.close();
      return;
    }
    if (response.stall()) {
      try {
        released.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    response.headers().forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
