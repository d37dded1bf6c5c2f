package io.kirincontract.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.conformance.cli.ConformanceCommand;
import io.kirincontract.mock.KirinMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The drift watch seen from the conformance jar: {@code drift --from} writes the report of a mock running as a proxy,
 * and the cases it recorded with {@code --proxy-record} replay with {@code --cases}: green against the mock, red
 * against the upstream that drifted.
 */
class DriftWatchReportTest {

  private static final String RULE = "v3.multi-shot.durations-sum";
  private static final String SHOTS_TOO_LONG =
      "{\"model\": \"kirin_v3_t2v\", \"multi_shot\": true, \"shot_type\": \"customize\", \"duration\": \"5\","
          + " \"multi_prompt\": [{\"index\": 1, \"prompt\": \"The fox looks up\", \"duration\": \"2\"},"
          + " {\"index\": 2, \"prompt\": \"The fox jumps\", \"duration\": \"4\"}]}";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path recorded;
  private static KirinMockServer upstream;
  private static KirinMockServer proxy;

  @BeforeAll
  static void proxyInFrontOfAnUpstreamThatDrifted() throws Exception {
    upstream = KirinMockServer.start(config -> config.port(0).requestLog(false).disableRule(RULE));
    proxy = KirinMockServer.start(config -> config.port(0).requestLog(false)
        .proxyTo(URI.create(upstream.baseUrl())).proxyRecord(recorded));
    HttpResponse<String> answer = HTTP.send(
        HttpRequest.newBuilder(URI.create(proxy.baseUrl() + "/v1/videos/generations"))
            .header("Authorization", "Bearer sk-staging").header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SHOTS_TOO_LONG)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(30)).until(() -> recordedFiles().size() == 1);
  }

  @AfterAll
  static void stop() {
    proxy.close();
    upstream.close();
  }

  @Test
  @DisplayName("drift --from writes Markdown and HTML grouped by rule id, and exits 1 when something drifted")
  void driftReport(@TempDir Path reports) throws Exception {
    int exit = ConformanceCommand.run("drift", "--from", proxy.baseUrl(), "--report-dir", reports.toString());

    assertThat(exit).isEqualTo(1);
    String markdown = Files.readString(reports.resolve("drift-report.md"));
    String html = Files.readString(reports.resolve("drift-report.html"));
    assertThat(markdown).contains("## `" + RULE + "`", "| `rule_not_enforced` | `kirin_v3_t2v` | 1 |",
        "\"local\" : {", "\"status\" : 400");
    assertThat(html).contains("<h2><code>" + RULE + "</code></h2>", "<code>rule_not_enforced</code>");
    assertThat(new ObjectMapper().readTree(reports.resolve("drift.json").toFile()).path("exchanges").asLong())
        .isEqualTo(1);
  }

  @Test
  @DisplayName("drift --from a mock that found nothing exits 0 and says so")
  void noDrift(@TempDir Path reports) throws Exception {
    try (KirinMockServer quiet = KirinMockServer.start(config -> config.port(0).requestLog(false)
        .proxyTo(URI.create(upstream.baseUrl())))) {
      int exit = ConformanceCommand.run("drift", "--from", quiet.baseUrl(), "--report-dir", reports.toString());

      assertThat(exit).isEqualTo(0);
      assertThat(Files.readString(reports.resolve("drift-report.md"))).contains("No disagreement");
    }
  }

  @Test
  @DisplayName("drift --from a mock that is not a proxy exits 2")
  void notAProxy(@TempDir Path reports) {
    try (KirinMockServer plain = KirinMockServer.start(config -> config.port(0).requestLog(false))) {
      assertThat(ConformanceCommand.run("drift", "--from", plain.baseUrl(), "--report-dir", reports.toString()))
          .isEqualTo(2);
    }
  }

  @Test
  @DisplayName("a recorded case replays with --cases: it passes against the mock and fails against the drifted upstream")
  void recordedCaseReplays() {
    List<SuiteRun.Outcome> againstTheMock =
        SuiteRun.run(Map.of("kirin.cases", recorded.toString()), "RecordedCasesTest");
    List<SuiteRun.Outcome> againstTheUpstream = SuiteRun.run(
        Map.of("kirin.cases", recorded.toString(), "kirin.baseUrl", upstream.baseUrl(), "kirin.apiKey", "sk-any"),
        "RecordedCasesTest");

    assertThat(againstTheMock).singleElement().satisfies(outcome -> {
      assertThat(outcome.name()).startsWith(RULE + " [kirin_v3_t2v] break: rule_not_enforced");
      assertThat(outcome.status()).isEqualTo(org.junit.platform.engine.TestExecutionResult.Status.SUCCESSFUL);
    });
    assertThat(SuiteRun.failures(againstTheUpstream)).singleElement()
        .satisfies(failure -> assertThat(failure.message()).startsWith(RULE).contains("status 200, expected 400"));
  }

  private static List<Path> recordedFiles() throws java.io.IOException {
    try (Stream<Path> files = Files.list(recorded)) {
      return files.toList();
    }
  }
}
