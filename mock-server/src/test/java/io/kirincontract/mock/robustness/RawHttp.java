package io.kirincontract.mock.robustness;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one request per connection, for what {@code java.net.http} refuses to send: any
 * method token or none, paths that are not URIs, control characters in headers, wrong or missing {@code
 * Content-Length}. It adds {@code Host}, {@code Content-Length} and {@code Connection: close} unless the probe
 * gives its own, and reads one response (by {@code Content-Length}, chunks, or up to the close).
 */
final class RawHttp {

  /** No complete answer within the timeout. */
  static final class NoAnswerException extends IOException {
    NoAnswerException(String message) {
      super(message);
    }
  }

  private final int port;
  private final Duration timeout;

  RawHttp(int port, Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  Answer send(Probe probe) throws IOException {
    return exchange(wire(probe));
  }

  byte[] wire(Probe probe) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(probe.body().length + 256);
    write(out, probe.method() + " " + probe.path() + " HTTP/1.1\r\n");
    Map<String, String> headers = probe.headers();
    if (!has(headers, "Host")) {
      write(out, "Host: 127.0.0.1:" + port + "\r\n");
    }
    headers.forEach(
        (name, value) -> {
          if (value != null) {
            write(out, name + ": " + value + "\r\n");
          }
        });
    if (!has(headers, "Content-Length") && !has(headers, "Transfer-Encoding")) {
      write(out, "Content-Length: " + probe.body().length + "\r\n");
    }
    if (!has(headers, "Connection")) {
      write(out, "Connection: close\r\n");
    }
    write(out, "\r\n");
    out.writeBytes(probe.body());
    return out.toByteArray();
  }

  /** Writes {@code request} and reads one response. */
  Answer exchange(byte[] request) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput(); // a body shorter than its Content-Length ends here, not at a timeout
      } catch (IOException serverStoppedReading) {
        // the server may answer (413, 400) and close before it has read everything: read that answer
      }
      return read(new BufferedInputStream(socket.getInputStream()), deadline);
    } catch (SocketTimeoutException e) {
      throw new NoAnswerException("no answer within " + timeout.toMillis() + " ms");
    }
  }

  private static Answer read(InputStream in, long deadline) throws IOException {
    String statusLine = line(in, deadline);
    if (statusLine == null) {
      throw new NoAnswerException("the server closed the connection without an answer");
    }
    String[] parts = statusLine.split(" ", 3);
    if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
      throw new IOException("not an HTTP status line: " + statusLine);
    }
    int status = Integer.parseInt(parts[1]);
    String contentType = "";
    long length = -1;
    boolean chunked = false;
    for (String header = line(in, deadline); header != null && !header.isEmpty(); header = line(in, deadline)) {
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (name) {
        case "content-type" -> contentType = value;
        case "content-length" -> length = Long.parseLong(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
        default -> {}
      }
    }
    byte[] body;
    if (status == 204 || status == 304 || status / 100 == 1) {
      body = new byte[0];
    } else if (chunked) {
      body = chunks(in, deadline);
    } else if (length >= 0) {
      body = in.readNBytes((int) length);
    } else {
      body = in.readAllBytes();
    }
    return new Answer(status, contentType, body);
  }

  private static byte[] chunks(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String size = line(in, deadline);
      if (size == null) {
        return body.toByteArray();
      }
      int semicolon = size.indexOf(';');
      int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        line(in, deadline);
        return body.toByteArray();
      }
      body.writeBytes(in.readNBytes(n));
      line(in, deadline);
    }
  }

  /** One line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in, long deadline) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (System.nanoTime() > deadline) {
        throw new NoAnswerException("the answer did not complete in time");
      }
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean has(Map<String, String> headers, String name) {
    return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
