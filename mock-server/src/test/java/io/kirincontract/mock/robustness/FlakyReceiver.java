package io.kirincontract.mock.robustness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A callback receiver on a loopback port that fails a share of the attempts: answers 500 to about a third, and stalls
 * on some for longer than the sender's response timeout (then answers 503). Which attempts fail is a function of
 * (task, status, attempt number) and a seed alone, so a run can be repeated. Every arrival is recorded, with a
 * sequence number, before it is answered.
 */
final class FlakyReceiver implements AutoCloseable {

  /** What the receiver does with an attempt. */
  enum Decision {
    ACCEPT,
    FAIL,
    STALL
  }

  /** One callback attempt as it arrived. */
  record Arrival(long sequence, String taskId, String status, int attempt, Decision decision, byte[] body) {}

  private final HttpServer server;
  private final ExecutorService executor;
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final AtomicLong sequence = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final long seed;
  private final int failPerMille;
  private final int stallPerMille;
  private final Duration stall;

  /**
   * @param failPerMille attempts answered 500, per thousand
   * @param stallPerMille attempts stalled for {@code stall}, per thousand
   */
  FlakyReceiver(long seed, int failPerMille, int stallPerMille, Duration stall, int threads) {
    this.seed = seed;
    this.failPerMille = failPerMille;
    this.stallPerMille = stallPerMille;
    this.stall = stall;
    this.executor = Executors.newFixedThreadPool(threads);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  List<Arrival> arrivals() {
    return List.copyOf(arrivals);
  }

  Decision decide(String taskId, String status, int attempt) {
    long draw = Math.floorMod(mix(seed ^ mix(taskId.hashCode() * 31L + status.hashCode()) + attempt), 1000L);
    if (draw < stallPerMille) {
      return Decision.STALL;
    }
    return draw < stallPerMille + failPerMille ? Decision.FAIL : Decision.ACCEPT;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String taskId = exchange.getRequestHeaders().getFirst("X-Kirin-Task-Id");
      String status = exchange.getRequestHeaders().getFirst("X-Kirin-Task-Status");
      int attempt = Integer.parseInt(exchange.getRequestHeaders().getFirst("X-Kirin-Delivery-Attempt"));
      Decision decision = decide(taskId, status, attempt);
      arrivals.add(new Arrival(sequence.incrementAndGet(), taskId, status, attempt, decision, body));
      switch (decision) {
        case ACCEPT -> exchange.sendResponseHeaders(200, -1);
        case FAIL -> exchange.sendResponseHeaders(500, -1);
        case STALL -> {
          try {
            closing.await(stall.toMillis(), TimeUnit.MILLISECONDS); // longer than the sender waits
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(503, -1);
        }
      }
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
