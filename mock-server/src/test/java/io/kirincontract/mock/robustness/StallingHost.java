package io.kirincontract.mock.robustness;

import java.io.IOException;
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

/**
 * A loopback HTTP server that never finishes: it reads the request, sends {@code 200} headers that announce a large
 * PNG, the first bytes of it, and then nothing, holding the connection until closed. With {@code silent} it sends
 * nothing at all.
 */
final class StallingHost implements AutoCloseable {

  private static final byte[] PNG_START = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final boolean silent;

  StallingHost(boolean silent) {
    this.silent = silent;
    try {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    threads.execute(this::accept);
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + path;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        open.add(socket);
        threads.execute(() -> stall(socket));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void stall(Socket socket) {
    try {
      socket.getInputStream().read(new byte[8192]); // the request line and headers
      if (!silent) {
        OutputStream out = socket.getOutputStream();
        out.write(
            ("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 5000000\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(PNG_START);
        out.flush();
      }
      socket.getInputStream().read(); // blocks until the client gives up or the host closes
    } catch (IOException gone) {
      // the client gave up: what we wait for
    }
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
