package io.kirincontract.mock.robustness;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that counts what a media fetcher costs it: connections accepted and requests read. It
 * serves one body to every request (keeping the connection alive), or with {@code silent} reads the request and
 * never answers, holding the connection until the client gives up or the host is closed.
 */
final class CountingMediaHost implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final byte[] body;
  private final boolean silent;

  private CountingMediaHost(byte[] body, boolean silent) {
    this.body = body;
    this.silent = silent;
    try {
      server = new ServerSocket(0, 400, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  /** Serves {@code body} as a PNG to every request. */
  static CountingMediaHost serving(byte[] body) {
    return new CountingMediaHost(body, false);
  }

  /** Never answers. */
  static CountingMediaHost silent() {
    return new CountingMediaHost(new byte[0], true);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  int connections() {
    return connections.get();
  }

  int requests() {
    return requests.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        connections.incrementAndGet();
        open.add(socket);
        threads.execute(() -> serve(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (readHead(in)) {
        requests.incrementAndGet();
        if (silent) {
          in.read(); // blocks until the client gives up or the host closes
          return;
        }
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (IOException gone) {
      // the client closed the connection
    }
  }

  /** Reads a request's line and headers (the fetcher sends no body); false at the end of the stream. */
  private static boolean readHead(InputStream in) throws IOException {
    int matched = 0;
    int b;
    while ((b = in.read()) != -1) {
      matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : open) {
      socket.close();
    }
    threads.shutdownNow();
  }
}
