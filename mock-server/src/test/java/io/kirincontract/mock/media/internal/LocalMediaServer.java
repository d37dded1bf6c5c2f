package io.kirincontract.mock.media.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server on a free port that serves media bytes and misbehaves on request (error
 * status, stalled body, no answer). Handlers that stall wait until {@link #close}.
 */
final class LocalMediaServer implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger requests = new AtomicInteger();

  private LocalMediaServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(executor);
    server.start();
  }

  static LocalMediaServer start() throws IOException {
    return new LocalMediaServer();
  }

  /** A URL of a port on which nothing listens. */
  static String closedPortUrl(String path) throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    return "http://127.0.0.1:" + port + path;
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  int requestCount() {
    return requests.get();
  }

  /** 200 with a Content-Length. */
  String serve(String path, byte[] body) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, body.length);
          write(exchange, body);
        });
  }

  /** 200 with chunked transfer encoding, so the length is unknown until the end. */
  String serveChunked(String path, byte[] body) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, 0);
          write(exchange, body);
        });
  }

  String status(String path, int status) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
  }

  String redirect(String path, String location) {
    return handle(
        path,
        exchange -> {
          exchange.getResponseHeaders().add("Location", location);
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
  }

  /**
   * Sends headers promising {@code declaredLength} bytes and the first bytes, then nothing until
   * closed.
   */
  String stallAfterHeaders(String path, byte[] firstBytes, int declaredLength) {
    return handle(
        path,
        exchange -> {
          exchange.sendResponseHeaders(200, declaredLength);
          OutputStream out = exchange.getResponseBody();
          out.write(firstBytes);
          out.flush();
          awaitRelease();
        });
  }

  /** Accepts the request and never answers until closed. */
  String neverAnswer(String path) {
    return handle(path, exchange -> awaitRelease());
  }

  @Override
  public void close() {
    released.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private String handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        exchange -> {
          requests.incrementAndGet();
          try {
            handler.handle(exchange);
          } catch (IOException e) {
            // the client went away (cap reached, deadline passed): expected in these tests
          } finally {
            exchange.close();
          }
        });
    return url(path);
  }

  private static void write(HttpExchange exchange, byte[] body) throws IOException {
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private void awaitRelease() {
    try {
      released.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
