package io.kirincontract.mock.callbacks.internal;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A real HTTP receiver for callbacks on a free loopback port. A {@link Responder} picks each answer's status;
 * every exchange is recorded, with that status, before the answer is sent, so a sender that waits for the
 * answer before its next request sees its requests recorded in order.
 */
final class CallbackReceiver implements AutoCloseable {

  /** Picks the status code for a request; may block (on a latch) to stall the answer. */
  @FunctionalInterface
  interface Responder {
    int respond(Received request) throws InterruptedException;
  }

  /** One request as the receiver saw it. */
  record Received(String method, Headers headers, byte[] body, long receivedNanos) {

    String taskId() {
      return headers.getFirst(CallbackHeaders.TASK_ID);
    }

    String status() {
      return headers.getFirst(CallbackHeaders.TASK_STATUS);
    }

    int attempt() {
      return Integer.parseInt(headers.getFirst(CallbackHeaders.DELIVERY_ATTEMPT));
    }
  }

  /** A request and the status it was answered with. */
  record Exchange(Received request, int answer) {

    boolean accepted() {
      return answer >= 200 && answer < 300;
    }
  }

  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final AtomicInteger arrivals = new AtomicInteger();

  private CallbackReceiver(Responder responder, int threads) throws IOException {
    this.executor = Executors.newFixedThreadPool(threads);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(exchange, responder));
    server.setExecutor(executor);
    server.start();
  }

  /** A receiver answering with {@code responder}, 8 handler threads. */
  static CallbackReceiver start(Responder responder) {
    return start(responder, 8);
  }

  static CallbackReceiver start(Responder responder, int threads) {
    try {
      return new CallbackReceiver(responder, threads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A receiver that accepts everything with 200. */
  static CallbackReceiver accepting() {
    return start(request -> 200);
  }

  /** A loopback URL nothing listens on: connections to it are refused. */
  static URI closedPortUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/callback");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
  }

  /** Every exchange so far, in the order the receiver saw the requests. */
  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  List<Received> received() {
    return exchanges.stream().map(Exchange::request).collect(Collectors.toList());
  }

  /** Requests answered so far. */
  int count() {
    return exchanges.size();
  }

  /** Requests that reached the receiver so far, answered or not (a stalled one counts). */
  int arrivals() {
    return arrivals.get();
  }

  private void handle(HttpExchange exchange, Responder responder) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Received request =
          new Received(exchange.getRequestMethod(), exchange.getRequestHeaders(), body, System.nanoTime());
      arrivals.incrementAndGet();
      int answer;
      try {
        answer = responder.respond(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // receiver closing: drop the exchange
      }
      exchanges.add(new Exchange(request, answer));
      exchange.sendResponseHeaders(answer, -1);
    }
  }

  /** Interrupts stalled handlers first, so that stopping the server does not wait for them. */
  @Override
  public void close() {
    executor.shutdownNow();
    server.stop(0);
  }
}
