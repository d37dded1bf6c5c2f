package io.kirincontract.mock.robustness;

import static io.kirincontract.mock.robustness.SafeDefaultsTest.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mock's memory and input at the edge: a budget of request bytes in flight (503 in the envelope when full, back
 * to zero afterwards), a cap on key length, unsupported {@code Content-Encoding}, over-long UTF-8, parser messages
 * without library names. The figures printed are for docs/robustness.md.
 */
class EdgeLimitsTest {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeLimitsTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final int MIB = 1024 * 1024;

  private static final String HEAD =
      "POST /v1/videos/generations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer k\r\n"
          + "Content-Type: application/json\r\n";

  @Test
  void aBodyThatWouldPassTheBudgetIs503AtOnceWhileOthersHoldItAndTheBudgetReturnsToZero() throws Exception {
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.port(0).maxBodySize(MIB).maxBytesInFlight(2L * MIB))) {
      byte[] body = body(900_000);
      List<Socket> holders = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) {
          Socket socket = connect(server);
          socket.getOutputStream().write((HEAD + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          socket.getOutputStream().write(body, 0, 1000);
          socket.getOutputStream().flush();
          holders.add(socket);
        }
        await("two bodies hold their Content-Length")
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(10))
            .until(server::bytesInFlight, bytes -> bytes == 2L * body.length);

        long start = System.nanoTime();
        Answer refused = new RawHttp(server.port(), TIMEOUT).send(Probe.create("a third body", body));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEnvelope(refused, 503, "service_unavailable");
        assertThat(refused.text()).contains("--max-bytes-in-flight");
        LOG.info("budget: a third 900,000-byte body with 1,800,000 of 2 MiB in flight: 503 in {} ms", millis);
        assertThat(new MockApi(server.baseUrl(), "k").create(Bodies.v3t2v()).status())
            .as("a small body still fits")
            .isEqualTo(200);

        for (Socket socket : holders) {
          socket.getOutputStream().write(body, 1000, body.length - 1000);
          socket.getOutputStream().flush();
          assertThat(statusOf(socket)).isEqualTo(200);
        }
      } finally {
        for (Socket socket : holders) {
          socket.close();
        }
      }
      await("the budget back to zero").atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
          .until(server::bytesInFlight, bytes -> bytes == 0);
    }
  }

  @Test
  void manyConcurrentLargeBodiesGet503sInTheEnvelopeNeverA500AndTheBudgetReturnsToZero() throws Exception {
    int clients = 16;
    int size = 3 * MIB;
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.port(0).maxBodySize(4L * MIB).maxBytesInFlight(8L * MIB))) {
      byte[] body = body(size);
      RawHttp raw = new RawHttp(server.port(), TIMEOUT);
      CountDownLatch go = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long start;
      Map<Integer, Integer> statuses = new TreeMap<>();
      List<Long> refusedMillis = new ArrayList<>();
      try {
        List<Future<long[]>> answers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
          answers.add(
              pool.submit(
                  () -> {
                    go.await();
                    long sent = System.nanoTime();
                    Answer answer = raw.send(Probe.create("3 MiB", body));
                    if (answer.status() != 200) {
                      assertEnvelope(answer, 503, "service_unavailable");
                    }
                    return new long[] {answer.status(), (System.nanoTime() - sent) / 1_000_000};
                  }));
        }
        start = System.nanoTime();
        go.countDown();
        for (Future<long[]> answer : answers) {
          long[] result = answer.get();
          statuses.merge((int) result[0], 1, Integer::sum);
          if (result[0] == 503) {
            refusedMillis.add(result[1]);
          }
        }
      } finally {
        pool.shutdownNow();
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(200, 503);
      assertThat(statuses.getOrDefault(200, 0)).as("some fit: %s", statuses).isPositive();
      assertThat(new MockApi(server.baseUrl(), "k").get("/health").status()).isEqualTo(200);
      await("the budget back to zero").atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
          .until(server::bytesInFlight, bytes -> bytes == 0);
      LOG.info(
          "budget: {} concurrent {}-byte bodies against 8 MiB in flight: {} in {} ms; 503s answered in {} ms"
              + " (max); bytes in flight afterwards 0",
          clients, size, statuses, millis, refusedMillis.stream().mapToLong(Long::longValue).max().orElse(0));
    }
  }

  @Test
  void aChunkedBodyIsCountedAsItArrivesAnd503WhenTheBudgetIsFull() throws Exception {
    try (KirinMockServer server =
        KirinMockServer.start(config -> config.port(0).maxBodySize(MIB).maxBytesInFlight(MIB))) {
      byte[] body = body(MIB - 10);
      try (Socket holder = connect(server)) {
        holder.getOutputStream().write((HEAD + "Content-Length: " + body.length + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        holder.getOutputStream().flush();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
            .until(server::bytesInFlight, bytes -> bytes == body.length);

        Map<String, String> headers = new LinkedHashMap<>(Probe.defaultHeaders());
        headers.put("Transfer-Encoding", "chunked");
        byte[] small = MockApi.write(Bodies.v3t2v()).getBytes(StandardCharsets.UTF_8);
        byte[] chunked = chunk(small);
        Answer refused = new RawHttp(server.port(), TIMEOUT).send(
            new Probe("chunked", "POST", "/v1/videos/generations", headers, chunked));
        assertEnvelope(refused, 503, "service_unavailable");
      }
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(server::bytesInFlight, bytes -> bytes == 0);
      Map<String, String> headers = new LinkedHashMap<>(Probe.defaultHeaders());
      headers.put("Transfer-Encoding", "chunked");
      Answer accepted = new RawHttp(server.port(), TIMEOUT).send(new Probe("chunked", "POST",
          "/v1/videos/generations", headers, chunk(MockApi.write(Bodies.v3t2v()).getBytes(StandardCharsets.UTF_8))));
      assertThat(accepted.status()).as(accepted.show()).isEqualTo(200);
      await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(server::bytesInFlight, bytes -> bytes == 0);
    }
  }

  @Test
  void aClientThatClosesMidBodyGivesItsBytesBack() throws Exception {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0).maxBodySize(MIB))) {
      try (Socket socket = connect(server)) {
        socket.getOutputStream().write((HEAD + "Content-Length: 500000\r\n\r\n{\"model\"").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(10)).until(server::bytesInFlight, bytes -> bytes == 500_000);
      }
      await("the budget back to zero after the close").atMost(TIMEOUT).pollInterval(Duration.ofMillis(10))
          .until(server::bytesInFlight, bytes -> bytes == 0);
    }
  }

  @Test
  void aBudgetBelowTheBodyLimitIsRefusedAndTheDefaultIsAnEighthOfTheHeap() {
    assertThatThrownBy(() -> new MockConfig().maxBodySize(MIB).maxBytesInFlight(MIB - 1).maxBytesInFlight())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least the max body size");
    assertThat(new MockConfig().maxBytesInFlight())
        .isEqualTo(Math.max(MockConfig.DEFAULT_MAX_BODY_SIZE, Runtime.getRuntime().maxMemory() / MockConfig.HEAP_SHARE_IN_FLIGHT));
  }

  @Test
  void aBearerKeyLongerThan256CharactersIs401AndOneOf256IsAccepted() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi.Reply refused = new MockApi(server.baseUrl(), "k".repeat(257)).create(Bodies.v3t2v());
      refused.assertError(401, "unauthorized", null, null);
      assertThat(refused.error().path("error_message").asText()).contains("257 characters").contains("256");
      new MockApi(server.baseUrl(), "k".repeat(256)).create(Bodies.v3t2v()).assertQueued();
    }
    assertThatThrownBy(() -> new MockConfig().apiKeys("k".repeat(257))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aContentEncodingTheMockDoesNotDecodeIs415() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      String body = MockApi.write(Bodies.v3t2v());
      for (String encoding : new String[] {"gzip", "br", "deflate", "x-unknown"}) {
        MockApi.Reply reply =
            api.send("POST", "/v1/videos/generations",
                Map.of("Content-Type", "application/json", "Content-Encoding", encoding), body);
        reply.assertError(415, "unsupported_media_type", null, null);
        assertThat(reply.error().path("error_message").asText()).contains("Content-Encoding " + encoding);
      }
      assertThat(api.send("POST", "/v1/videos/generations",
          Map.of("Content-Type", "application/json", "Content-Encoding", "identity"), body).status()).isEqualTo(200);
    }
  }

  @Test
  void overLongUtf8FormsAreRefusedWhereverTheyAreInTheBody() throws IOException {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      RawHttp raw = new RawHttp(server.port(), TIMEOUT);
      byte[][] overlong = {
        {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
        {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
      };
      for (byte[] form : overlong) {
        for (String template :
            new String[] {
              "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a%sb\"}",
              "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"external_task_id\":\"x%s\"}",
              "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"unknown%s\":1}"
            }) {
          String[] parts = template.split("%s");
          ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          bytes.writeBytes(parts[0].getBytes(StandardCharsets.UTF_8));
          bytes.writeBytes(form);
          bytes.writeBytes(parts[1].getBytes(StandardCharsets.UTF_8));
          Answer answer = raw.send(Probe.create("over-long form", bytes.toByteArray()));
          assertEnvelope(answer, 400, "invalid_json");
          assertThat(answer.text()).contains("UTF-8");
        }
      }
    }
  }

  @Test
  void parserMessagesNameNoLibraryClass() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      for (String body :
          new String[] {
            "[".repeat(1001) + "]".repeat(1001),
            "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"x\":" + "1".repeat(1001) + "}",
            "{\"model\":\"kirin_v3_t2v\",\"model\":\"x\"}",
            "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\"} trailing",
            "{\"a\":NaN}"
          }) {
        MockApi.Reply reply = api.create(body);
        reply.assertError(400, "invalid_json", null, null);
        assertThat(reply.error().path("error_message").asText())
            .doesNotContain("com.fasterxml", "StreamReadConstraints", "jackson", "java.lang", "`");
      }
    }
  }

  private static Socket connect(KirinMockServer server) throws IOException {
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
    socket.setSoTimeout((int) TIMEOUT.toMillis());
    return socket;
  }

  /** A valid create body padded with an unknown property to {@code size} bytes. */
  private static byte[] body(int size) {
    String start = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"a\",\"padding\":\"";
    String end = "\"}";
    return (start + "p".repeat(size - start.length() - end.length()) + end).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] chunk(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static int statusOf(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
      line.write(b);
    }
    String status = line.toString(StandardCharsets.US_ASCII);
    return Integer.parseInt(status.split(" ")[1]);
  }
}
