package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cli.ConformanceCommand;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client subcommand's exit code 2 for what a user gets wrong, before any mock starts. */
class ClientCommandTest {

  @Test
  void anUnknownScenarioIsExitCodeTwo(@TempDir Path dir) {
    assertThat(ConformanceCommand.run("client", "--report-dir", dir.toString(), "--scenarios", "happy,sunny", "--",
        "true")).isEqualTo(2);
  }

  @Test
  void aCommandThatIsNotFoundIsExitCodeTwo(@TempDir Path dir) {
    assertThat(ConformanceCommand.run("client", "--report-dir", dir.toString(), "--",
        "no-such-kirin-client-program")).isEqualTo(2);
  }

  @Test
  void noCommandIsExitCodeTwo() {
    assertThat(ConformanceCommand.run("client")).isEqualTo(2);
  }

  @Test
  void aRunTimeoutThatIsNotADurationIsExitCodeTwo() {
    assertThat(ConformanceCommand.run("client", "--run-timeout", "soon", "--", "true")).isEqualTo(2);
  }
}
