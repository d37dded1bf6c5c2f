package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cli.ConformanceCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command's exit codes for what a user gets wrong, without a JVM of its own (RunnableJarIT runs the jar). */
class ConformanceCommandTest {

  /** The exit code of a run; what it printed goes to {@code printed}, not to the build's output. */
  private static int run(StringWriter printed, String... args) {
    PrintWriter writer = new PrintWriter(printed, true);
    return ConformanceCommand.run(writer, writer, args);
  }

  @Test
  @DisplayName("an unknown part for --only is exit code 2")
  void unknownPart() {
    StringWriter printed = new StringWriter();
    assertThat(run(printed, "--only", "rules,bogus")).isEqualTo(2);
    assertThat(printed.toString()).contains("bogus");
  }

  @Test
  @DisplayName("an unreachable --base-url is exit code 2, before any test runs")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    StringWriter printed = new StringWriter();
    assertThat(run(printed, "--base-url", "http://127.0.0.1:" + port, "--api-key", "k")).isEqualTo(2);
    assertThat(printed.toString()).contains("unreachable");
  }

  @Test
  @DisplayName("an unknown option is exit code 2")
  void unknownOption() {
    StringWriter printed = new StringWriter();
    assertThat(run(printed, "--no-such-option")).isEqualTo(2);
    assertThat(printed.toString()).contains("--no-such-option");
  }
}
