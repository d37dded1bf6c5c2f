package io.kirincontract.mock.callbacks.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A callback receiver on loopback that reads each request, answers {@code 200} with headers promising a 1 MiB body,
 * sends a few bytes of it and then nothing more, keeping the connection open until the sender closes it: the
 * receiver that held every delivery slot before attempts had a deadline over the whole exchange.
 */
final class SlowLorisReceiver implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicInteger closedBySender = new AtomicInteger();
  private final AtomicInteger mostOpen = new AtomicInteger();

  private SlowLorisReceiver() throws IOException {
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    threads.execute(this::accept);
  }

  static SlowLorisReceiver start() {
    try {
      return new SlowLorisReceiver();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts {@code count} receivers, each on its own port. */
  static List<SlowLorisReceiver> start(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> start()).toList();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/callback");
  }

  /** Requests whose headers and body were read (and answered with the endless body). */
  int requests() {
    return requests.get();
  }

  /** Connections open right now. */
  int open() {
    return open.get();
  }

  /** Most connections open at once. */
  int mostOpen() {
    return mostOpen.get();
  }

  /** Connections the sender closed (seen as the end of the stream). */
  int closedBySender() {
    return closedBySender.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        sockets.add(socket);
        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
        threads.execute(() -> serve(socket));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream()) {
      int length = readHeaders(in);
      in.readNBytes(length);
      requests.incrementAndGet();
      out.write(
          ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1048576\r\n\r\n{\"ok\":")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      if (in.read() == -1) { // blocks until the sender closes the connection
        closedBySender.incrementAndGet();
      }
    } catch (IOException e) {
      closedBySender.incrementAndGet(); // reset by the sender
    } finally {
      open.decrementAndGet();
    }
  }

  /** Reads the request line and headers; returns the Content-Length. */
  private static int readHeaders(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        return Integer.parseInt(line.substring("content-length:".length()).trim());
      }
    }
    return 0;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    threads.shutdownNow();
  }
}
