package io.kirincontract.mock.proxy.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny provider on loopback: answers every request with the status and body it is told, records what it received,
 * and can be made to hold its answers until released.
 */
final class FakeUpstream implements AutoCloseable {

  /** What the fake received. */
  record Received(String method, String uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private volatile int status = 200;
  private volatile String body = "{}";
  private volatile CountDownLatch hold;
  private volatile long streamed = -1;
  private volatile boolean declared;

  FakeUpstream() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/", this::answer);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next requests with this status and JSON body. */
  FakeUpstream answers(int status, String body) {
    this.status = status;
    this.body = body;
    return this;
  }

  /**
   * Answers the next requests with {@code bytes} bytes of JSON-ish filler, sent in chunks without a length (or with
   * it, {@code declared}), until the proxy stops reading.
   */
  FakeUpstream streams(long bytes, boolean declared) {
    this.streamed = bytes;
    this.declared = declared;
    return this;
  }

  /** Holds every answer until {@link #release}. */
  void hold() {
    hold = new CountDownLatch(1);
  }

  void release() {
    CountDownLatch latch = hold;
    if (latch != null) {
      latch.countDown();
    }
  }

  /** The next request received, waiting at most 5 s. */
  Received take() throws InterruptedException {
    Received next = received.poll(5, TimeUnit.SECONDS);
    if (next == null) {
      throw new AssertionError("the fake upstream received no request");
    }
    return next;
  }

  /** Requests received and not yet taken. */
  int pending() {
    return received.size();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      received.add(
          new Received(
              exchange.getRequestMethod(), exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()),
              request));
      CountDownLatch latch = hold;
      if (latch != null) {
        latch.await(30, TimeUnit.SECONDS);
      }
      if (streamed >= 0) {
        stream(exchange);
        return;
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Upstream", "fake");
      exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stream(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, declared ? streamed : 0);
    byte[] chunk = new byte[16 * 1024];
    java.util.Arrays.fill(chunk, (byte) ' ');
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < streamed; sent += chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, streamed - sent));
      }
    } catch (IOException e) {
      // the proxy stopped reading: what the tests expect
    }
  }

  @Override
  public void close() {
    release();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
