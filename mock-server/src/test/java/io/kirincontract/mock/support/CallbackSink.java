package io.kirincontract.mock.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A real callback receiver on a free loopback port, for tests: records every request it gets (method, headers,
 * body) and answers with the status its policy picks for the n-th request (1-based), or never answers.
 */
public final class CallbackSink implements AutoCloseable {

  /** One callback as received. */
  public record Received(String method, String taskId, String status, int attempt, String contentType, byte[] body) {

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      try {
        return MockApi.JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("callback body is not JSON: " + text(), e);
      }
    }
  }

  private static final int NEVER = -1;

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(8);
  private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
  private final AtomicInteger arrivals = new AtomicInteger();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final IntUnaryOperator policy;

  private CallbackSink(IntUnaryOperator policy) {
    this.policy = policy;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Answers every callback with 200. */
  public static CallbackSink accepting() {
    return new CallbackSink(n -> 200);
  }

  /** Answers the first {@code failures} callbacks with 500, then 200. */
  public static CallbackSink failingFirst(int failures) {
    return new CallbackSink(n -> n <= failures ? 500 : 200);
  }

  /** Reads each callback and never answers (until closed). */
  public static CallbackSink silent() {
    return new CallbackSink(n -> NEVER);
  }

  /** {@code http://127.0.0.1:<port>/hook}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Every callback received so far, in arrival order (answered or not). */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** The callbacks of one task, in arrival order. */
  public List<Received> forTask(String taskId) {
    return received.stream().filter(r -> taskId.equals(r.taskId())).toList();
  }

  public int count() {
    return arrivals.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String attempt = exchange.getRequestHeaders().getFirst("X-Kirin-Delivery-Attempt");
      received.add(
          new Received(
              exchange.getRequestMethod(),
              exchange.getRequestHeaders().getFirst("X-Kirin-Task-Id"),
              exchange.getRequestHeaders().getFirst("X-Kirin-Task-Status"),
              attempt == null ? 0 : Integer.parseInt(attempt),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              body));
      int status = policy.applyAsInt(arrivals.incrementAndGet());
      if (status == NEVER) {
        try {
          closing.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return;
      }
      exchange.sendResponseHeaders(status, -1);
    }
  }

  @Override
  public void close() {
    closing.countDown();
    executor.shutdownNow();
    server.stop(0);
  }
}
