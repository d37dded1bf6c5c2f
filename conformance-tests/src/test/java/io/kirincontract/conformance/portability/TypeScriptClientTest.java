package io.kirincontract.conformance.portability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Portability in another language: OpenAPI Generator's {@code typescript-fetch} client, generated from the spec and
 * compiled by {@code tsc} in the build (profile {@code typescript-portability}), runs one task of every model to
 * {@code completed} against the mock, from {@code node} ({@code src/test/typescript/smoke.ts}). Skipped, with the
 * reason printed, when {@code node} or the compiled script is missing ({@code npm ci} in
 * {@code conformance-tests/src/test/typescript}, as {@code .ci/run} does, brings the compiler).
 */
class TypeScriptClientTest {

  private static final Path SCRIPT = Path.of(System.getProperty("kirin.typescriptSmoke", "target/missing.js"));
  private static final List<String> MODELS =
      List.of("kirin_v3_t2v", "kirin_v3_i2v", "kirin_video_o1", "kirin_v2_master_t2v", "kirin_v2_1_master_i2v");

  private KirinMockServer server;

  @BeforeEach
  void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-12-02T10:00:00Z")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void oneTaskOfEveryModelRunsToCompletedWithTheTypescriptFetchClient(@TempDir Path dir) throws Exception {
    skipUnlessRunnable();
    Path image = dir.resolve("image.b64");
    Files.writeString(image, Base64.getEncoder().encodeToString(SyntheticMedia.png(1280, 720)));

    Process node =
        new ProcessBuilder("node", SCRIPT.toString(), server.baseUrl(), image.toString())
            .redirectErrorStream(true)
            .start();
    boolean exited = node.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      node.destroyForcibly();
    }
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(exited).as("node exited within 120 s; output:%n%s", output).isTrue();
    assertThat(node.exitValue()).as("node's exit code; output:%n%s", output).isZero();
    for (String model : MODELS) {
      assertThat(output).containsPattern("(?m)^" + model + " task_\\S+ completed$");
    }
  }

  private static void skipUnlessRunnable() {
    String reason =
        !Files.isRegularFile(SCRIPT)
            ? "the compiled smoke script " + SCRIPT + " is missing (run `npm ci` in conformance-tests/src/test/typescript)"
            : !nodeRuns() ? "node is not on the PATH" : null;
    if (reason != null) {
      System.err.println("[SKIPPED] TypeScript client smoke test: " + reason);
    }
    assumeTrue(reason == null, reason);
  }

  private static boolean nodeRuns() {
    try {
      Process version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(30, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
