package io.kirincontract.conformance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kirincontract.conformance.drift.DriftReport;
import io.kirincontract.conformance.drift.DriftReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kirin-conformance drift --from http://mock:8080}: reads what a mock running as a proxy ({@code --proxy-to})
 * found at {@code GET /__admin/drift} and writes it as Markdown and HTML, grouped by rule id with one example each.
 * Exit code 0 when nothing drifted, 1 when something did, 2 when the findings could not be read.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description = "Writes the drift report of a mock running as a proxy in front of the provider (--proxy-to).")
final class DriftCommand implements Callable<Integer> {

  private static final String DRIFT_PATH = "/__admin/drift";

  @Option(names = "--from", required = true, paramLabel = "URL",
      description = "The mock's base URL, such as http://mock:8080 (or its full /__admin/drift URL).")
  String from;

  @Option(names = "--report-dir", defaultValue = "drift-report", paramLabel = "DIR",
      description = "Where drift.json, drift-report.md and drift-report.html go (default: ${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--admin-token", paramLabel = "TOKEN",
      description = "The mock's admin token, when it was started with --admin-token.")
  String adminToken;

  @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS",
      description = "Seconds to wait for the mock's answer (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  private final PrintWriter out;
  private final PrintWriter err;

  DriftCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    URI source;
    try {
      String base = from.endsWith("/") ? from.substring(0, from.length() - 1) : from;
      source = URI.create(base.endsWith(DRIFT_PATH) ? base : base + DRIFT_PATH);
      if (source.getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
    } catch (IllegalArgumentException e) {
      err.println("--from takes the mock's URL, such as http://mock:8080, not " + from);
      return 2;
    }
    JsonNode drift;
    try {
      drift = read(source);
    } catch (IOException e) {
      err.println("could not read the drift findings from " + source + ": " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
    DriftReport report = new DriftReport(source.toString(), drift);
    try {
      DriftReportFiles.write(report, reportDir);
    } catch (IOException e) {
      err.println("could not write the report into " + reportDir.toAbsolutePath() + ": " + e.getMessage());
      return 2;
    }
    out.println("Reports: " + reportDir.toAbsolutePath());
    out.println(report.summaryLine());
    return report.drifted() ? 1 : 0;
  }

  private JsonNode read(URI source) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(timeoutSeconds)).build();
    HttpRequest.Builder request = HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(timeoutSeconds)).GET();
    if (adminToken != null && !adminToken.isBlank()) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (answer.statusCode() != 200) {
      throw new IOException("HTTP " + answer.statusCode() + " " + answer.body());
    }
    JsonNode drift = new ObjectMapper().readTree(answer.body());
    if (drift == null || !drift.has("exchanges") || !drift.path("items").isArray()) {
      throw new IOException("the answer is not the drift watch's JSON (no exchanges and items)");
    }
    return drift;
  }
}
