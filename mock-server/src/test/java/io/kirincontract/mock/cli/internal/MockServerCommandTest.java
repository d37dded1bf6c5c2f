package io.kirincontract.mock.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.lifecycle.ManualClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line maps onto the same {@link MockConfig} as the embedded API. */
class MockServerCommandTest {

  @Test
  void withoutOptionsTheDefaultsApply() {
    MockConfig config = parse();
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.requestLog()).isTrue();
    assertThat(config.apiKeys()).isEmpty();
    assertThat(config.maxBodySize()).isEqualTo(128L * 1024 * 1024);
    assertThat(config.mediaFetch()).isTrue();
    assertThat(config.mediaPolicy()).isEqualTo(MediaPolicy.LENIENT);
    assertThat(config.elementLibrary()).isEmpty();
    assertThat(config.disabledRules()).isEmpty();
    assertThat(config.clock()).isEmpty();
    assertThat(config.timeScale()).isEqualTo(1.0);
    assertThat(config.maxTasks()).isEqualTo(1_000_000);
    assertThat(config.maxRunningTasks()).isZero();
    assertThat(config.adminToken()).isEmpty();
    assertThat(config.publicUrl()).isEmpty();
    assertThat(config.callbackSettings())
        .isEqualTo(CallbackSettings.defaults().toBuilder().egress(EgressPolicy.any()).build());
    assertThat(config.egress()).isEqualTo(EgressPolicy.any());
    assertThat(config.signsCallbacks()).isFalse();
    assertThat(config.faults()).isEqualTo(FaultSettings.NONE);
  }

  @Test
  void theEgressPolicyAndTheCallbackSecretReachTheConfig() {
    MockConfig config = parse("--egress", "hooks.example.com,*.media.example", "--callback-secret", "whsec-1");

    assertThat(config.egress()).isEqualTo(EgressPolicy.parse("hooks.example.com,*.media.example"));
    assertThat(config.callbackSettings().egress()).isEqualTo(config.egress());
    assertThat(config.callbackSettings().signer()).isNotNull();
    assertThat(config.signsCallbacks()).isTrue();
    assertThat(parse("--egress", "loopback").egress()).isEqualTo(EgressPolicy.loopback());
  }

  @Test
  void theProxyOptionsReachTheConfig() {
    MockConfig config =
        parse("--proxy-to", "https://api.provider.example/base", "--proxy-timeout", "PT5S", "--proxy-record", "cases");

    assertThat(config.proxyTo()).contains(java.net.URI.create("https://api.provider.example/base"));
    assertThat(config.proxyTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
    assertThat(config.proxyRecord()).contains(Path.of("cases"));
    assertThat(parse().proxyTo()).isEmpty();
    assertThat(parse().proxyTimeout()).isEqualTo(java.time.Duration.ofSeconds(60));
  }

  @Test
  void anUpstreamThatIsNotAnHttpBaseUrlIsAUsageError() {
    for (String[] args : new String[][] {{"--proxy-to", "ftp://files.example"}, {"--proxy-to", "provider"},
        {"--proxy-to", "https://user:pass@api.provider.example"}, {"--proxy-timeout", "PT0S"}}) {
      CommandLine commandLine = new CommandLine(new MockServerCommand());
      commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
      assertThat(commandLine.execute(args)).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  @Test
  void aMalformedEgressPolicyOrAnEmptySecretIsAUsageError() {
    for (String[] args : new String[][] {{"--egress", ""}, {"--egress", "any,hooks.example.com"},
        {"--egress", "hooks example"}, {"--callback-secret", " "}}) {
      CommandLine commandLine = new CommandLine(new MockServerCommand());
      commandLine.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
      assertThat(commandLine.execute(args)).as(String.join(" ", args)).isEqualTo(2);
    }
  }

  @Test
  void theLifecycleOptionsReachTheConfig() {
    MockConfig config =
        parse(
            "--clock", "manual", "--max-tasks", "5000", "--max-running-tasks", "3", "--admin-token", "t0k",
            "--public-url", "http://mock.internal:9000", "--callback-max-attempts", "2", "--callback-timeout", "PT1S",
            "--fault-latency", "PT0.2S", "--fault-error-share", "0.1", "--fault-error-status", "500",
            "--fault-seed", "42");
    assertThat(config.mockClock()).isInstanceOf(ManualClock.class);
    assertThat(config.maxTasks()).isEqualTo(5000);
    assertThat(config.maxRunningTasks()).isEqualTo(3);
    assertThat(config.adminToken()).contains("t0k");
    assertThat(config.publicUrl()).contains("http://mock.internal:9000");
    assertThat(config.callbackSettings().maxAttempts()).isEqualTo(2);
    assertThat(config.callbackSettings().responseTimeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.faults()).isEqualTo(new FaultSettings(Duration.ofMillis(200), 1.0, 0.1, 500, 42));

    MockConfig scaled = parse("--time-scale", "20", "--fault-latency", "PT1S", "--fault-latency-share", "0.5");
    assertThat(scaled.timeScale()).isEqualTo(20);
    assertThat(scaled.mockClock().timeScale()).isEqualTo(20);
    assertThat(scaled.faults().latencyShare()).isEqualTo(0.5);
  }

  @Test
  void anOutOfRangeLifecycleValueIsAUsageError() {
    for (String[] args :
        new String[][] {
          {"--time-scale", "0"}, {"--clock", "sundial"}, {"--fault-error-share", "2"}, {"--max-tasks", "0"},
          {"--fault-error-status", "404"}, {"--callback-timeout", "5s"}, {"--time-scale", "1e12"},
          {"--time-scale", "NaN"}, {"--max-tasks-per-key", "0"}, {"--media-budget", "PT0S"}
        }) {
      StringWriter err = new StringWriter();
      CommandLine commandLine = new CommandLine(new MockServerCommand());
      commandLine.setErr(new PrintWriter(err));
      assertThat(commandLine.execute(args)).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).doesNotContain("at io.kirincontract");
    }
  }

  @Test
  void everyOptionReachesTheConfig(@TempDir Path dir) throws Exception {
    Path library = dir.resolve("library.json");
    Files.writeString(library, "[{\"element_id\": 829301, \"kind\": \"image\"}, {\"element_id\": 7, \"kind\": \"video\"}]");
    MockConfig config =
        parse(
            "--port", "9000", "--api-keys", "alpha,beta", "--max-body-size", "1000", "--media-fetch", "off",
            "--media-policy", "strict", "--element-library", library.toString(),
            "--disable-rule", "v3.multi-shot.durations-sum", "--disable-rule", "o1.prompt.max-length",
            "--request-log", "off");
    assertThat(config.port()).isEqualTo(9000);
    assertThat(config.apiKeys()).containsExactlyInAnyOrder("alpha", "beta");
    assertThat(config.maxBodySize()).isEqualTo(1000);
    assertThat(config.mediaFetch()).isFalse();
    assertThat(config.mediaFetchSettings().fetchUrls()).isFalse();
    assertThat(config.mediaPolicy()).isEqualTo(MediaPolicy.STRICT);
    assertThat(config.elementLibrary().orElseThrow().contains(829301)).isTrue();
    assertThat(config.elementLibrary().orElseThrow().size()).isEqualTo(2);
    assertThat(config.disabledRules()).containsExactlyInAnyOrder("v3.multi-shot.durations-sum", "o1.prompt.max-length");
    assertThat(config.requestLog()).isFalse();
  }

  @Test
  void helpListsTheOptions() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = new CommandLine(new MockServerCommand());
    commandLine.setOut(new PrintWriter(out));
    assertThat(commandLine.execute("--help")).isZero();
    assertThat(out.toString())
        .contains("--port", "--api-keys", "--max-body-size", "--media-fetch", "--media-policy", "--element-library",
            "--disable-rule", "TESTING ONLY", "--clock", "--time-scale", "--max-tasks", "--max-running-tasks",
            "--admin-token", "--fault-error-share");
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
