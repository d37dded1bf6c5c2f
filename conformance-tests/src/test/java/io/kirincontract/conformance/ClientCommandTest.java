package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.cli.ConformanceCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client subcommand's exit code 2 and a message that says what is wrong, before any mock starts. */
class ClientCommandTest {

  /** What a run printed: its exit code, standard output and standard error. */
  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = ConformanceCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void anUnknownScenarioIsExitCodeTwo(@TempDir Path dir) {
    Run run = run("client", "--report-dir", dir.toString(), "--scenarios", "happy,sunny", "--", "true");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("sunny");
  }

  @Test
  void aCommandThatIsNotFoundIsExitCodeTwo(@TempDir Path dir) {
    Run run = run("client", "--report-dir", dir.toString(), "--", "no-such-kirin-client-program");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("command not found: no-such-kirin-client-program");
  }

  @Test
  void noCommandIsExitCodeTwo() {
    Run run = run("client");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'COMMAND'", "Usage: kirin-conformance client");
  }

  @Test
  void aRunTimeoutThatIsNotADurationIsExitCodeTwo() {
    Run run = run("client", "--run-timeout", "soon", "--", "true");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not a duration: soon");
  }
}
