package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.cli.MockServerCommand;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Limits end cleanly within their timeouts: bodies over the size limit, clients that stop or crawl in their headers
 * or bodies (slow loris), media URLs that never finish, many connections at once; the server keeps serving others
 * meanwhile. The durations printed are figures for docs/robustness.md, not assertions beyond their bounds.
 */
class LimitsTest {

  private static final Logger LOG = LoggerFactory.getLogger(LimitsTest.class);

  private static final Duration IDLE = Duration.ofMillis(500);
  /** Room for a loaded machine on top of a timeout. */
  private static final Duration SLACK = Duration.ofSeconds(4);

  @Test
  void aClientThatStopsInTheHeadersIsClosedAfterTheIdleTimeoutWhileOthersAreServed() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).idleTimeout(IDLE));
        Socket loris = connect(server)) {
      long start = System.nanoTime();
      write(loris, "POST /v1/videos/generations HTTP/1.1\r\nHost: x\r\nAuthoriz");
      assertThat(Health.answers(server.port(), Duration.ofSeconds(5))).as("served meanwhile").isTrue();
      assertClosedWithin(loris, start, IDLE.plus(SLACK), "stopped in the headers");
    }
  }

  @Test
  void aClientThatCrawlsThroughItsHeadersHoldsNoThreadAndIsClosedWhenItPausesPastTheIdleTimeout() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).idleTimeout(IDLE));
        Socket loris = connect(server)) {
      long start = System.nanoTime();
      String head = "GET /health HTTP/1.1\r\nHost: x\r\nX-A: ";
      for (char c : head.toCharArray()) {
        write(loris, String.valueOf(c)); // byte by byte, as fast as the socket goes
      }
      assertThat(Health.answers(server.port(), Duration.ofSeconds(5))).as("served meanwhile").isTrue();
      assertClosedWithin(loris, start, IDLE.plus(SLACK), "crawled through its headers, then paused");
    }
  }

  @Test
  void threeHundredIdleConnectionsDoNotStopHealth() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      List<Socket> idle = new ArrayList<>();
      try {
        long start = System.nanoTime();
        for (int i = 0; i < 300; i++) {
          idle.add(connect(server));
        }
        long connected = millisSince(start);
        assertThat(Health.answers(server.port(), SLACK)).isTrue();
        new MockApi(server.baseUrl(), "k").create(Bodies.v3t2v()).assertQueued();
        LOG.info(
            "limits: 300 idle connections opened in {} ms; /health and a create then answered in {} ms",
            connected,
            millisSince(start) - connected);
      } finally {
        for (Socket socket : idle) {
          socket.close();
        }
      }
    }
  }

  @Test
  void theIdleTimeoutIsAnOptionOfTheCommandLine() {
    CommandLine command = new CommandLine(new MockServerCommand());
    assertThat(command.getUsageMessage()).contains("--idle-timeout");
    Duration parsed = command.parseArgs("--idle-timeout", "PT2.5S").matchedOptionValue("--idle-timeout", null);
    assertThat(parsed).isEqualTo(Duration.ofMillis(2500));
  }

  /** Waits until the server closes the connection; returns its answer if it sent one first. */
  private static Answer assertClosedWithin(Socket socket, long startNanos, Duration bound, String says)
      throws IOException {
    socket.setSoTimeout((int) bound.toMillis());
    InputStream in = socket.getInputStream();
    byte[] received = new byte[0];
    try {
      received = in.readAllBytes();
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the server kept the connection open for " + bound, e);
    } catch (IOException reset) {
      // closed with a reset: closed all the same
    }
    long millis = millisSince(startNanos);
    LOG.info("limits: a client that {} was closed after {} ms (idle timeout {} ms)", says, millis, IDLE.toMillis());
    assertThat(millis).isLessThan(bound.toMillis());
    return received.length == 0 ? null : parse(received);
  }

  /** One HTTP/1.1 response read up to the close (the server closes these connections). */
  private static Answer parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int split = text.indexOf("\r\n\r\n");
    String head = text.substring(0, split);
    String contentType = "";
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
        contentType = line.substring("content-type:".length()).trim();
      }
    }
    String body = text.substring(split + 4);
    if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
      body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
    }
    return new Answer(Integer.parseInt(head.substring(9, 12)), contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static Socket connect(KirinMockServer server) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5_000);
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
