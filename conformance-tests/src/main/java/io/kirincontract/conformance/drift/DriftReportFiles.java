package io.kirincontract.conformance.drift;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes {@code drift.json} (as read), {@code drift-report.md} and {@code drift-report.html} into a directory. */
public final class DriftReportFiles {

  private DriftReportFiles() {}

  /** The files written. */
  public static List<Path> write(DriftReport report, Path directory) throws IOException {
    Files.createDirectories(directory);
    Path json = directory.resolve("drift.json");
    Path markdown = directory.resolve("drift-report.md");
    Path html = directory.resolve("drift-report.html");
    Files.writeString(json, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.drift()));
    Files.writeString(markdown, DriftMarkdown.render(report));
    Files.writeString(html, DriftHtml.render(report));
    return List.of(json, markdown, html);
  }
}
