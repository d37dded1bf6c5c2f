package io.kirincontract.conformance.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Writes the matrix as {@code conformance-report.md} and a self-contained {@code conformance-report.html}. */
public final class ReportWriter {

  public static final String MARKDOWN = "conformance-report.md";
  public static final String HTML = "conformance-report.html";
  private static final int MESSAGE_CHARS = 400;

  private ReportWriter() {}

  public static void write(ConformanceMatrix matrix, String target, Path directory) {
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve(MARKDOWN), markdown(matrix, target), StandardCharsets.UTF_8);
      Files.writeString(directory.resolve(HTML), html(matrix, target), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the conformance report to " + directory, e);
    }
  }

  static String markdown(ConformanceMatrix matrix, String target) {
    StringBuilder md = new StringBuilder();
    md.append("# Kirin API conformance report\n\n");
    md.append("Server: `").append(target).append("`, ").append(Instant.now()).append("\n\n");
    md.append("**").append(matrix.summary()).append("**\n\n");
    md.append("## Matrix (rule id x model)\n\n");
    md.append("Each cell: verdict and passed/failed/skipped cases; `-` where the rule does not concern the model.\n\n");
    md.append("| rule id |");
    matrix.models().forEach(model -> md.append(' ').append(model).append(" |"));
    md.append("\n|---|");
    matrix.models().forEach(model -> md.append("---|"));
    md.append('\n');
    matrix.rows().forEach((rule, cells) -> {
      md.append("| `").append(rule).append("` |");
      for (String model : matrix.models()) {
        ConformanceMatrix.Cell cell = cells.get(model);
        md.append(' ').append(cell == null ? "-" : cellText(cell)).append(" |");
      }
      md.append('\n');
    });
    List<CaseResult> failed = matrix.results().stream().filter(r -> r.outcome() == CaseResult.Outcome.FAILED).toList();
    md.append("\n## Failures (").append(failed.size()).append(")\n\n");
    failed.forEach(r -> md.append("- **").append(r.name()).append("**\n  ```\n  ")
        .append(shorten(r.message()).replace("\n", "\n  ")).append("\n  ```\n"));
    List<CaseResult> skipped = matrix.results().stream().filter(r -> r.outcome() == CaseResult.Outcome.SKIPPED).toList();
    md.append("\n## Skipped (").append(skipped.size()).append(")\n\n");
    skipped.forEach(r -> md.append("- ").append(r.name()).append(": ").append(shorten(r.message())).append('\n'));
    List<CaseResult> other = matrix.results().stream().filter(r -> r.rule() == null).toList();
    md.append("\n## Other checks (").append(other.size()).append(")\n\n");
    other.forEach(r -> md.append("- ").append(r.outcome().name().toLowerCase()).append(": ").append(r.name()).append('\n'));
    return md.toString();
  }

  static String html(ConformanceMatrix matrix, String target) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kirin API conformance</title>")
        .append("<style>body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("th,td{border:1px solid #ccc;padding:4px 8px;font-size:13px}th{background:#f4f4f4;text-align:left}")
        .append("td.pass{background:#dff5e1}td.fail{background:#fbdcdc;font-weight:bold}td.skipped{background:#fff4d6}")
        .append("td.none{background:#eee}td.na{color:#aaa;text-align:center}code{font-size:12px}")
        .append("pre{background:#f7f7f7;padding:6px;white-space:pre-wrap;font-size:12px}</style></head><body>");
    html.append("<h1>Kirin API conformance report</h1><p>Server: <code>").append(escape(target)).append("</code>, ")
        .append(Instant.now()).append("</p><p><strong>").append(escape(matrix.summary())).append("</strong></p>");
    html.append("<h2>Matrix (rule id &times; model)</h2><table><tr><th>rule id</th>");
    matrix.models().forEach(model -> html.append("<th>").append(escape(model)).append("</th>"));
    html.append("</tr>");
    for (Map.Entry<String, Map<String, ConformanceMatrix.Cell>> row : matrix.rows().entrySet()) {
      html.append("<tr><td><code>").append(escape(row.getKey())).append("</code></td>");
      for (String model : matrix.models()) {
        ConformanceMatrix.Cell cell = row.getValue().get(model);
        if (cell == null) {
          html.append("<td class=\"na\">-</td>");
        } else {
          html.append("<td class=\"").append(cell.verdict()).append("\">").append(escape(cellText(cell))).append("</td>");
        }
      }
      html.append("</tr>");
    }
    html.append("</table><h2>Failures</h2>");
    matrix.results().stream().filter(r -> r.outcome() == CaseResult.Outcome.FAILED).forEach(r ->
        html.append("<h3>").append(escape(r.name())).append("</h3><pre>").append(escape(shorten(r.message()))).append("</pre>"));
    html.append("<h2>Skipped</h2><ul>");
    matrix.results().stream().filter(r -> r.outcome() == CaseResult.Outcome.SKIPPED).forEach(r ->
        html.append("<li>").append(escape(r.name())).append(": ").append(escape(shorten(r.message()))).append("</li>"));
    html.append("</ul><h2>Other checks</h2><ul>");
    matrix.results().stream().filter(r -> r.rule() == null).forEach(r ->
        html.append("<li>").append(r.outcome().name().toLowerCase()).append(": ").append(escape(r.name())).append("</li>"));
    return html.append("</ul></body></html>\n").toString();
  }

  private static String cellText(ConformanceMatrix.Cell cell) {
    if (cell.total() == 0) {
      return "no case";
    }
    return cell.verdict() + " " + cell.count(CaseResult.Outcome.PASSED) + "/" + cell.count(CaseResult.Outcome.FAILED)
        + "/" + cell.count(CaseResult.Outcome.SKIPPED);
  }

  private static String shorten(String message) {
    return message.length() > MESSAGE_CHARS ? message.substring(0, MESSAGE_CHARS) + "..." : message;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
