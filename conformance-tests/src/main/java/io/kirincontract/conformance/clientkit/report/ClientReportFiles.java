package io.kirincontract.conformance.clientkit.report;

import io.kirincontract.conformance.clientkit.ClientKitReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the kit's report into a directory: {@code client-report.json}, {@code client-report.md}, {@code
 * client-report.html} and {@code client-junit.xml}.
 */
public final class ClientReportFiles {

  public static final String JSON = "client-report.json";
  public static final String MARKDOWN = "client-report.md";
  public static final String HTML = "client-report.html";
  public static final String JUNIT = "client-junit.xml";

  private ClientReportFiles() {}

  /** Writes the four files and returns their paths. */
  public static List<Path> write(ClientKitReport report, Path dir) {
    try {
      Files.createDirectories(dir);
      Path json = Files.writeString(dir.resolve(JSON), JsonReport.render(report), StandardCharsets.UTF_8);
      Path markdown = Files.writeString(dir.resolve(MARKDOWN), MarkdownReport.render(report), StandardCharsets.UTF_8);
      Path html = Files.writeString(dir.resolve(HTML), HtmlReport.render(report), StandardCharsets.UTF_8);
      Path junit = Files.writeString(dir.resolve(JUNIT), JunitReport.render(report), StandardCharsets.UTF_8);
      return List.of(json, markdown, html, junit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the client report to " + dir + ": " + e.getMessage(), e);
    }
  }
}
