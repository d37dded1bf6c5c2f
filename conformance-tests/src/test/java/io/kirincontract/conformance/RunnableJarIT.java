package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.KirinMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar kirin-conformance.jar}, run as a user would, in its own JVM. */
class RunnableJarIT {

  private static final Path JAR = Path.of(System.getProperty("kirin.conformanceJar", "target/kirin-conformance.jar"));

  @Test
  @DisplayName("the jar passes against a mock started for it, and writes the summary, the matrix and JUnit XML")
  void passesAgainstTheMock(@TempDir Path reports) throws Exception {
    try (KirinMockServer mock = KirinMockServer.start(
        config -> config.host("127.0.0.1").port(0).apiKeys("jar-key-1", "jar-key-2").timeScale(20))) {
      Result result = java(Duration.ofMinutes(8), "--base-url", mock.baseUrl(), "--api-key", "jar-key-1",
          "--api-key2", "jar-key-2", "--report-dir", reports.toString());

      assertThat(result.exitCode()).as(result.output()).isZero();
      assertThat(result.output()).containsPattern("(?m)^conformance: \\d+ passed, 0 failed, \\d+ skipped$");
      assertThat(reports.resolve("conformance-report.md")).content().contains("v3.multi-shot.durations-sum");
      assertThat(reports.resolve("conformance-report.html")).exists();
      try (var xml = Files.list(reports.resolve("junit"))) {
        assertThat(xml.map(Path::toString)).anyMatch(name -> name.endsWith(".xml"));
      }
    }
  }

  @Test
  @DisplayName("the jar pointed at an unreachable base URL exits 2 within seconds with a clear message")
  void failsFastWhenUnreachable(@TempDir Path reports) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Instant start = Instant.now();
    Result result = java(Duration.ofMinutes(1), "--base-url", "http://127.0.0.1:" + port, "--api-key", "k",
        "--report-dir", reports.toString());

    assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(30));
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.output()).contains("Kirin server unreachable at http://127.0.0.1:" + port)
        .contains("connection refused");
  }

  @Test
  @DisplayName("the jar's client subcommand grades a command, prints a line per scenario and exits 1 on a failed check")
  void gradesAClientCommand(@TempDir Path reports) throws Exception {
    // a client that gives up at once: the 400 is not retried (pass), the 503 is not retried either (fail)
    Result result = java(Duration.ofMinutes(2), "client", "--report-dir", reports.toString(),
        "--scenarios", "bad-request,server-error", "--", "bash", "-c",
        "curl -s -o /dev/null -X POST -H \"Authorization: Bearer $KIRIN_API_KEY\" -H 'Content-Type: application/json'"
            + " --data \"{\\\"model\\\":\\\"$KIRIN_MODEL\\\",\\\"prompt\\\":\\\"A boat\\\"}\""
            + " \"$KIRIN_BASE_URL/v1/videos/generations\"; exit 1");

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("client: bad-request pass (no-retry-on-4xx pass; exit 1",
        "client: server-error fail (server-error-retried fail; exit 1",
        "client checks: 1 pass, 1 fail, 5 not-exercised");
    assertThat(reports.resolve("client-junit.xml")).content().contains("name=\"server-error-retried\"", "<failure");
  }

  private record Result(int exitCode, String output) {}

  private static Result java(Duration limit, String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar (mvn package)").exists();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g", "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path log = Files.createTempFile("kirin-conformance", ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the jar did not finish within " + limit + ":\n" + Files.readString(log));
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    return new Result(process.exitValue(), output);
  }
}
