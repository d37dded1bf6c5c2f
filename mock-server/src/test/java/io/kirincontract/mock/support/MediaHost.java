package io.kirincontract.mock.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A local HTTP server on a free loopback port that serves media files for URL-based media tests. */
public final class MediaHost implements AutoCloseable {

  /** A body written on demand: its length and the bytes. */
  public interface Body {
    long length();

    void writeTo(OutputStream out) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Map<String, Body> files = new ConcurrentHashMap<>();

  public MediaHost() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::serve);
    server.setExecutor(executor);
    server.start();
  }

  /** Serves {@code bytes} at {@code path} and returns its URL. */
  public String serve(String path, byte[] bytes) {
    return serve(
        path,
        new Body() {
          @Override
          public long length() {
            return bytes.length;
          }

          @Override
          public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
          }
        });
  }

  public String serve(String path, Body body) {
    files.put(path, body);
    return url(path);
  }

  /** The URL of a path, served or not (a path not served answers 404). */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Body body = files.get(exchange.getRequestURI().getPath());
      if (body == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.sendResponseHeaders(200, body.length());
      try (OutputStream out = exchange.getResponseBody()) {
        body.writeTo(out);
      } catch (IOException clientGaveUp) {
        // the inspector stops reading once it knows enough (or the size is over its cap)
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
