package io.kirincontract.conformance.clientkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.conformance.cli.ConformanceCommand;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs that are not Java, graded through the command line ({@code client -- COMMAND}, run with ProcessBuilder):
 * a careful bash + curl client passes every check; a Node client that polls too often and past the end fails the
 * polling checks.
 */
class ShellClientGradedTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCarefulBashAndCurlClientPassesEveryCheckThroughTheCommandLine(@TempDir Path reports) throws Exception {
    int exit = ConformanceCommand.run("client", "--report-dir", reports.toString(), "--",
        "bash", resource("careful-client.sh").toString());

    JsonNode report = JSON.readTree(reports.resolve("client-report.json").toFile());
    List<String> results = new ArrayList<>();
    report.path("checks").forEach(check -> results.add(check.path("id").asText() + " "
        + check.path("result").asText()));
    assertThat(results).containsExactly("retry-after-honoured pass", "no-retry-on-4xx pass",
        "server-error-retried pass", "idempotent-retry pass", "bounded-retries pass", "poll-interval pass",
        "stops-at-terminal pass");
    assertThat(exit).isZero();
    JsonNode badRequest = report.path("scenarios").findParents("id").stream()
        .filter(node -> node.path("id").asText().equals("bad-request")).findFirst().orElseThrow();
    assertThat(badRequest.path("checks").get(0).path("evidence").get(0).path("note").asText())
        .isEqualTo("refused 400 invalid_parameter (rule client-kit.bad-request)");
    assertThat(Files.readString(reports.resolve("client-output").resolve("happy.log"))).contains("poll 1:");
    assertThat(reports.resolve("client-report.md")).exists();
    assertThat(reports.resolve("client-report.html")).exists();
    assertThat(reports.resolve("client-junit.xml")).exists();
  }

  @Test
  void aNodeClientThatPollsEveryHundredMillisecondsFailsThePollingChecks(@TempDir Path reports) throws Exception {
    int exit = ConformanceCommand.run("client", "--report-dir", reports.toString(), "--scenarios", "happy", "--",
        "node", resource("impatient-client.mjs").toString());

    JsonNode happy = JSON.readTree(reports.resolve("client-report.json").toFile()).path("scenarios").get(0);
    assertThat(exit).isEqualTo(1);
    assertThat(happy.path("exit_code").asInt()).isZero();
    assertThat(happy.path("checks").findValuesAsText("result")).containsExactly("fail", "fail");
  }

  @Test
  void aProgramStillRunningAtTheTimeLimitIsStoppedAndReportedSo(@TempDir Path reports) throws Exception {
    int exit = ConformanceCommand.run("client", "--report-dir", reports.toString(), "--scenarios", "happy",
        "--run-timeout", "PT1S", "--", "bash", "-c", "sleep 30 & wait");

    JsonNode happy = JSON.readTree(reports.resolve("client-report.json").toFile()).path("scenarios").get(0);
    assertThat(happy.path("timed_out").asBoolean()).isTrue();
    assertThat(happy.path("took_ms").asLong()).isLessThan(10_000);
    assertThat(happy.path("checks").findValuesAsText("result")).containsOnly("not-exercised");
    assertThat(exit).isZero();
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ShellClientGradedTest.class.getResource("/clientkit/" + name).toURI());
  }
}
