package io.kirincontract.mock.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.cli.internal.MockServerCommand;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.util.internal.KeyId;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Safe defaults at the edge (DESIGN §8): loopback unless told otherwise, admin writes only as JSON and only under a
 * Host that names the mock, no empty admin token, no raw keys or callback credentials in admin answers.
 */
class SafeDefaultsTest {

  private static final Logger LOG = LoggerFactory.getLogger(SafeDefaultsTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static KirinMockServer server;
  private static MockApi api;
  private static RawHttp raw;

  @BeforeAll
  static void start() {
    server =
        KirinMockServer.start(
            config ->
                config
                    .port(0)
                    .manualClock(Instant.parse("2026-11-22T10:00:00Z"))
                    .mediaFetch(false)
                    .publicUrl("http://mock.public.example:9000")
                    .allowedHosts("kirin-mock"));
    api = new MockApi(server.baseUrl(), "tenant-secret-key");
    raw = new RawHttp(server.port(), TIMEOUT);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.admin().reset();
  }

  @Test
  void theMockListensOnLoopbackByDefaultAndSaysWhere() throws IOException {
    assertThat(new MockConfig().host()).isEqualTo("127.0.0.1");
    assertThat(new CommandLine(new MockServerCommand()).getCommandSpec().findOption("--host").initialValue())
        .isEqualTo("127.0.0.1");
    assertThat(server.address()).isEqualTo("127.0.0.1:" + server.port());
    assertThat(server.baseUrl()).isEqualTo("http://localhost:" + server.port());

    Optional<InetAddress> outside = nonLoopbackAddress();
    assumeThat(outside).as("a non-loopback address on this machine").isPresent();
    long start = System.nanoTime();
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress(outside.get(), server.port()), 2_000))
          .as("a connection to %s, not loopback", outside.get())
          .isInstanceOf(IOException.class);
    }
    LOG.info(
        "safe defaults: a connection to {}:{} refused after {} ms",
        outside.get().getHostAddress(),
        server.port(),
        (System.nanoTime() - start) / 1_000_000);
  }

  @Test
  void anEmptyOrBlankAdminTokenIsRefusedByTheConfigAndTheCommandLine() {
    assertThatThrownBy(() -> new MockConfig().adminToken("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MockConfig().adminToken("  \t")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not be empty or blank");
    assertThat(new MockConfig().adminToken(null).adminToken()).isEmpty();
    for (String token : new String[] {"", "   "}) {
      StringWriter err = new StringWriter();
      CommandLine commandLine = new CommandLine(new MockServerCommand());
      commandLine.setErr(new PrintWriter(err));
      assertThat(commandLine.execute("--admin-token", token, "--port", "0")).as("--admin-token '%s'", token)
          .isEqualTo(2);
      assertThat(err.toString()).contains("admin token must not be empty or blank");
    }
  }

  @Test
  void anAdminWriteWithoutJsonContentTypeIs415AndChangesNothing() throws IOException {
    String id = api.create(Bodies.v3t2v()).assertQueued().path("id").asText();
    // what a web page can send to any origin without a preflight: a text/plain or form POST, or none
    for (String contentType : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", contentType);
      long start = System.nanoTime();
      Answer answer = raw.send(new Probe("cross-site reset", "POST", "/__admin/reset", headers, new byte[0]));
      long micros = (System.nanoTime() - start) / 1_000;
      assertEnvelope(answer, 415, "unsupported_media_type");
      assertThat(answer.text()).contains("application/json");
      LOG.info("safe defaults: POST /__admin/reset with Content-Type {}: {} in {} µs", contentType, answer.status(), micros);
    }
    for (String method : new String[] {"DELETE", "PUT"}) {
      Answer answer =
          raw.send(new Probe("no JSON", method, method.equals("PUT") ? "/__admin/limits" : "/__admin/tasks/" + id,
              Map.of("Content-Type", "text/plain"), "{\"max_running_tasks\": 1}".getBytes(StandardCharsets.UTF_8)));
      assertEnvelope(answer, 415, "unsupported_media_type");
    }
    assertThat(server.admin().task(id)).as("the task survives the refused writes").isPresent();
    assertThat(server.admin().maxRunningTasks()).isZero();

    assertThat(api.admin("POST", "/__admin/reset", null).status()).as("an empty JSON write").isEqualTo(200);
    assertThat(server.admin().task(id)).isEmpty();
    assertThat(api.admin("GET", "/__admin/tasks", null).status()).isEqualTo(200);
    Answer read = raw.send(new Probe("a read", "GET", "/__admin/tasks", Map.of(), new byte[0]));
    assertThat(read.status()).as("reads need no content type: %s", read.show()).isEqualTo(200);
  }

  @Test
  void anAdminRequestUnderAForeignHostIs403AndTheMocksOwnNamesAreAccepted() throws IOException {
    int port = server.port();
    for (String host : new String[] {"evil.example", "evil.example:" + port, "127.0.0.1.nip.io:" + port, "localhost.evil"}) {
      Answer answer = raw.send(adminRead(host));
      assertEnvelope(answer, 403, "host_not_allowed");
      assertThat(answer.text()).contains("--allowed-hosts");
    }
    Answer write =
        raw.send(new Probe("rebinding", "POST", "/__admin/reset", Map.of("Host", "evil.example", "Content-Type",
            "application/json"), new byte[0]));
    assertEnvelope(write, 403, "host_not_allowed");
    for (String host :
        new String[] {
          "localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "LOCALHOST", "localhost.:" + port,
          "192.168.1.20:" + port, "app.localhost:" + port, "kirin-mock:8080", "mock.public.example:9000"
        }) {
      assertThat(raw.send(adminRead(host)).status()).as("Host %s", host).isEqualTo(200);
    }
    Map<String, String> headers = new LinkedHashMap<>(Probe.defaultHeaders());
    headers.put("Host", "evil.example");
    Answer create = raw.send(new Probe("API under any Host", "POST", "/v1/videos/generations", headers,
        MockApi.write(Bodies.v3t2v()).getBytes(StandardCharsets.UTF_8)));
    assertThat(create.status()).as("the API needs a key, not a Host: %s", create.show()).isEqualTo(200);
  }

  @Test
  void withEveryHostAllowedTheAdminApiAnswersAnyHost() throws IOException {
    try (KirinMockServer open = KirinMockServer.start(config -> config.port(0).allowedHosts("*"))) {
      Answer answer = new RawHttp(open.port(), TIMEOUT).send(adminRead("anything.example"));
      assertThat(answer.status()).isEqualTo(200);
    }
  }

  @Test
  void adminAnswersShowTheKeyIdAndTheCallbackUrlWithoutCredentials() {
    String callback = "http://hook-user:hook-pass@127.0.0.1:9/hook/path?token=s3cr3t&plain&x=1#frag";
    String id =
        api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", callback))).assertQueued().path("id").asText();
    api.admin("POST", "/__admin/scenarios", "{\"key\": \"tenant-secret-key\", \"scenario\": \"hold=queued\"}");

    JsonNode task = api.admin("GET", "/__admin/tasks/" + id, null).json();
    assertThat(task.path("key_id").asText()).isEqualTo(KeyId.of("tenant-secret-key")).matches("key_[0-9a-f]{12}");
    assertThat(task.path("callback_url").asText()).isEqualTo("http://127.0.0.1:9/hook/path?token=***&plain&x=***");
    for (String path :
        new String[] {"/__admin/tasks", "/__admin/tasks/" + id, "/__admin/scenarios",
          "/__admin/limits?key=tenant-secret-key", "/__admin/callbacks"}) {
      String body = api.admin("GET", path, null).raw();
      assertThat(body).as(path).doesNotContain("tenant-secret-key", "hook-pass", "hook-user", "s3cr3t", "frag");
    }
    assertThat(api.admin("GET", "/__admin/scenarios", null).json().path("scenarios").get(0).path("key_id").asText())
        .isEqualTo(KeyId.of("tenant-secret-key"));
  }

  private static Probe adminRead(String host) {
    return new Probe("admin read under " + host, "GET", "/__admin/tasks", Map.of("Host", host), new byte[0]);
  }

  static void assertEnvelope(Answer answer, int status, String code) {
    assertThat(answer.status()).as(answer.show()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/json");
    JsonNode error;
    try {
      error = MockApi.JSON.readTree(answer.text()).path("error");
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + answer.show(), e);
    }
    assertThat(error.path("code").asText()).as(answer.show()).isEqualTo(code);
    assertThat(error.path("error_message").asText()).isNotBlank();
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address);
        }
      }
    }
    return Optional.empty();
  }
}
