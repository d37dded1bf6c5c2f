package io.kirincontract.mock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.MockConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line maps onto the same {@link MockConfig} as the embedded API. */
class MockServerCommandTest {

  @Test
  void withoutOptionsTheDefaultsApply() {
    MockConfig config = parse();
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.apiKeys()).isEmpty();
    assertThat(config.maxBodySize()).isEqualTo(128L * 1024 * 1024);
    assertThat(config.mediaFetch()).isTrue();
    assertThat(config.mediaPolicy()).isEqualTo(MediaPolicy.LENIENT);
    assertThat(config.elementLibrary()).isEmpty();
    assertThat(config.disabledRules()).isEmpty();
  }

  @Test
  void everyOptionReachesTheConfig(@TempDir Path dir) throws Exception {
    Path library = dir.resolve("library.json");
    Files.writeString(library, "[{\"element_id\": 829301, \"kind\": \"image\"}, {\"element_id\": 7, \"kind\": \"video\"}]");
    MockConfig config =
        parse(
            "--port", "9000", "--api-keys", "alpha,beta", "--max-body-size", "1000", "--media-fetch", "off",
            "--media-policy", "strict", "--element-library", library.toString(),
            "--disable-rule", "v3.multi-shot.durations-sum", "--disable-rule", "o1.prompt.max-length");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.apiKeys()).containsExactlyInAnyOrder("alpha", "beta");
    assertThat(config.maxBodySize()).isEqualTo(1000);
    assertThat(config.mediaFetch()).isFalse();
    assertThat(config.mediaFetchSettings().fetchUrls()).isFalse();
    assertThat(config.mediaPolicy()).isEqualTo(MediaPolicy.STRICT);
    assertThat(config.elementLibrary().orElseThrow().contains(829301)).isTrue();
    assertThat(config.elementLibrary().orElseThrow().size()).isEqualTo(2);
    assertThat(config.disabledRules()).containsExactlyInAnyOrder("v3.multi-shot.durations-sum", "o1.prompt.max-length");
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new MockServerCommand());
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("--port", "--api-keys", "--max-body-size", "--media-fetch", "--media-policy", "--element-library",
            "--disable-rule", "TESTING ONLY");
  }

  @Test
  void aBadValueIsAUsageErrorNotAStackTrace() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new MockServerCommand());
    commandLine.setErr(new PrintWriter(err));
    assertThat(commandLine.execute("--media-policy", "sometimes")).isEqualTo(2);
    assertThat(err.toString()).contains("use lenient or strict");
  }

  private static MockConfig parse(String... args) {
    MockServerCommand command = new MockServerCommand();
    new CommandLine(command).parseArgs(args);
    return command.config();
  }
}
