package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cli.ConformanceCommand;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The command's exit codes for what a user gets wrong, without a JVM of its own (RunnableJarIT runs the jar). */
class ConformanceCommandTest {

  @Test
  @DisplayName("an unknown part for --only is exit code 2")
  void unknownPart() {
    assertThat(ConformanceCommand.run("--only", "rules,bogus")).isEqualTo(2);
  }

  @Test
  @DisplayName("an unreachable --base-url is exit code 2, before any test runs")
  void unreachable() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    assertThat(ConformanceCommand.run("--base-url", "http://127.0.0.1:" + port, "--api-key", "k")).isEqualTo(2);
  }

  @Test
  @DisplayName("an unknown option is exit code 2")
  void unknownOption() {
    assertThat(ConformanceCommand.run("--no-such-option")).isEqualTo(2);
  }
}
