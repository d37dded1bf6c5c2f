package io.kirincontract.conformance.media;

import com.sun.net.httpserver.HttpExchange;
import io.kirincontract.conformance.http.LocalEndpoint;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP server in the suite that serves the media fixtures (images by URL, videos) to the server under test.
 * Against the in-process mock it listens on loopback; with {@code kirin.mediaHost} it listens on every interface
 * and writes that host into the URLs, so that a server on another machine can fetch them.
 */
public final class MediaServer implements AutoCloseable {

  private static final int CHUNK = 64 * 1024;

  private final Map<String, Served> files = new ConcurrentHashMap<>();
  private final AtomicInteger counter = new AtomicInteger();
  private final LocalEndpoint endpoint;

  /** A file: its bytes, its content type, and how many zero bytes to stream after them. */
  private record Served(byte[] bytes, String contentType, long padding) {}

  private MediaServer(String mediaHost, int port) {
    this.endpoint =
        LocalEndpoint.start(mediaHost, port, 4, "conformance-media", "/media/", this::serve, "the suite's media server");
  }

  /**
   * @param mediaHost the host name for URLs, or {@code null} for loopback only
   * @param port the port to listen on, 0 for any
   */
  public static MediaServer start(String mediaHost, int port) {
    return new MediaServer(mediaHost, port);
  }

  /** Serves these bytes and returns their URL. */
  public String serve(String name, byte[] bytes, String contentType) {
    return serve(name, bytes, contentType, 0);
  }

  /** Serves these bytes followed by {@code padding} zero bytes, streamed (for files over a size limit). */
  public String serve(String name, byte[] bytes, String contentType, long padding) {
    String path = "/media/" + counter.incrementAndGet() + "/" + name;
    files.put(path, new Served(bytes, contentType, padding));
    return baseUrl() + path;
  }

  /** A URL on this machine where nothing listens: a fetch of it is refused. */
  public String unreachableUrl(String name) {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "http://" + endpoint.host() + ":" + socket.getLocalPort() + "/media/" + name;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  public String baseUrl() {
    return endpoint.baseUrl();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      Served file = files.get(exchange.getRequestURI().getPath());
      if (file == null) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", file.contentType());
      long length = file.bytes().length + file.padding();
      if ("HEAD".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, length);
      OutputStream out = exchange.getResponseBody();
      out.write(file.bytes());
      byte[] zeros = new byte[CHUNK];
      for (long left = file.padding(); left > 0; left -= CHUNK) {
        out.write(zeros, 0, (int) Math.min(CHUNK, left));
      }
    } catch (IOException e) {
      // the client stopped reading (a size check saw enough): nothing to do
    }
  }

  @Override
  public void close() {
    endpoint.close();
  }
}
