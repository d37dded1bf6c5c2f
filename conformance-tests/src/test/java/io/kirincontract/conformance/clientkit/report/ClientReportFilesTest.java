package io.kirincontract.conformance.clientkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.ClientScenario;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The four report files say the same thing: verdicts per check and scenario, with the evidence. */
class ClientReportFilesTest {

  private static final Instant AT = Instant.parse("2026-12-02T10:00:01.250Z");

  private static ClientKitReport report() {
    ScenarioResult happy = new ScenarioResult(ClientScenario.HAPPY, "key_0123456789ab", 0, Duration.ofMillis(4200),
        6, "client-output/happy.log", List.of(
            CheckResult.fail(CheckId.POLL_INTERVAL, "polled 1 task(s) more often than every 1.000 s",
                List.of(new Evidence(3L, AT, "median gap 0.100 s <too often>"))),
            CheckResult.pass(CheckId.STOPS_AT_TERMINAL, "stopped polling", List.of(new Evidence(9L, AT, "served")))));
    ScenarioResult lost = new ScenarioResult(ClientScenario.LOST_ANSWER, "key_ba9876543210", null,
        Duration.ofSeconds(60), 1, "client-output/lost-answer.log",
        List.of(CheckResult.notExercised(CheckId.IDEMPOTENT_RETRY, "no create's answer was lost")));
    return new ClientKitReport("bash client.sh", AT, Duration.ofSeconds(61), Thresholds.DEFAULTS,
        List.of(happy, lost));
  }

  @Test
  void theJsonReportHasEachChecksVerdictAndEachScenariosEvidence(@TempDir Path dir) throws Exception {
    ClientReportFiles.write(report(), dir);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("client-report.json").toFile());

    assertThat(json.path("result").asText()).isEqualTo("fail");
    assertThat(json.path("checks")).hasSize(7);
    assertThat(json.path("checks").get(CheckId.POLL_INTERVAL.ordinal()).path("result").asText()).isEqualTo("fail");
    assertThat(json.path("checks").get(CheckId.RETRY_AFTER_HONOURED.ordinal()).path("result").asText())
        .isEqualTo("not-exercised");
    JsonNode happy = json.path("scenarios").get(0);
    assertThat(happy.path("key_id").asText()).isEqualTo("key_0123456789ab");
    assertThat(happy.path("checks").get(0).path("evidence").get(0).path("seq").asLong()).isEqualTo(3);
    assertThat(happy.path("checks").get(0).path("evidence").get(0).path("at").asText()).isEqualTo(AT.toString());
    assertThat(json.path("scenarios").get(1).path("exit_code").isNull()).isTrue();
    assertThat(json.path("scenarios").get(1).path("timed_out").asBoolean()).isTrue();
    assertThat(json.path("thresholds").path("max_retries").asInt()).isEqualTo(5);
  }

  @Test
  void theJunitReportHasATestcasePerScenarioCheckWithFailuresAndSkips(@TempDir Path dir) throws Exception {
    ClientReportFiles.write(report(), dir);

    Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(dir.resolve("client-junit.xml").toFile());

    Element root = xml.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("3");
    assertThat(root.getAttribute("failures")).isEqualTo("1");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(((Element) failure.getParentNode()).getAttribute("name")).isEqualTo("poll-interval");
    assertThat(((Element) failure.getParentNode()).getAttribute("classname")).isEqualTo("client-kit.happy");
    assertThat(failure.getTextContent()).contains("seq 3", "median gap 0.100 s <too often>");
  }

  @Test
  void theHtmlReportEscapesWhatItQuotesAndLinksEachRunsOutput(@TempDir Path dir) throws Exception {
    ClientReportFiles.write(report(), dir);

    String html = Files.readString(dir.resolve("client-report.html"));

    assertThat(html).contains("&lt;too often&gt;", "href=\"client-output/happy.log\"", "class=\"fail\"")
        .doesNotContain("<too often>");
  }

  @Test
  void theMarkdownReportHasTheChecksTableAndEachScenariosEvidence(@TempDir Path dir) throws Exception {
    ClientReportFiles.write(report(), dir);

    String md = Files.readString(dir.resolve("client-report.md"));

    assertThat(md).contains("| `poll-interval` | fail | happy |", "| `idempotent-retry` | not-exercised | lost-answer |",
        "## lost-answer: not-exercised", "stopped at the time limit", "  - seq 3 at " + AT + ": median gap");
  }
}
