package io.kirincontract.conformance.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small HTTP server the suite runs for the server under test to call (callbacks, media URLs): on loopback, or on
 * every interface with the host name written into its URLs when the server under test runs on another machine
 * ({@code kirin.mediaHost}).
 */
public final class LocalEndpoint implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService executor;
  private final String host;

  private LocalEndpoint(HttpServer server, ExecutorService executor, String host) {
    this.server = server;
    this.executor = executor;
    this.host = host;
  }

  /**
   * Starts serving {@code handler} under {@code contextPath}.
   *
   * @param mediaHost the host name for URLs, or {@code null} for loopback only
   * @param port the port to listen on, 0 for any
   * @param threads the handler threads (daemons named {@code threadName})
   * @param what what the endpoint is for, in the error when it cannot start
   */
  public static LocalEndpoint start(
      String mediaHost, int port, int threads, String threadName, String contextPath, HttpHandler handler,
      String what) {
    try {
      InetSocketAddress address =
          mediaHost == null ? new InetSocketAddress("127.0.0.1", port) : new InetSocketAddress(port);
      HttpServer server = HttpServer.create(address, 0);
      ExecutorService executor = Executors.newFixedThreadPool(threads, runnable -> {
        Thread thread = new Thread(runnable, threadName);
        thread.setDaemon(true);
        return thread;
      });
      server.setExecutor(executor);
      server.createContext(contextPath, handler);
      server.start();
      return new LocalEndpoint(server, executor, mediaHost == null ? "127.0.0.1" : mediaHost);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + what + " on port " + port, e);
    }
  }

  /** The host name written into URLs. */
  public String host() {
    return host;
  }

  /** {@code http://host:port}. */
  public String baseUrl() {
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
