package io.kirincontract.conformance.drift;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code drift-report.html}: the Markdown report's content as one self-contained page (no scripts, no assets). */
public final class DriftHtml {

  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:70em}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
      + "code,pre{background:#f3f3f3}pre{padding:.6em;overflow:auto}";

  private DriftHtml() {}

  public static String render(DriftReport report) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>Drift report</title><style>" + STYLE + "</style></head><body>\n<h1>Drift report</h1>\n");
    html.append("<p>From <code>").append(escape(report.source())).append("</code>. ")
        .append(escape(report.summaryLine())).append(".</p>\n");
    JsonNode byKind = report.drift().path("by_kind");
    if (byKind.isEmpty()) {
      html.append("<p>No disagreement between the provider, the mock and the spec.</p>\n");
    } else {
      html.append("<table><tr><th>kind</th><th>count</th></tr>\n");
      byKind.properties().forEach(kind -> html.append("<tr><td><code>").append(escape(kind.getKey()))
          .append("</code></td><td>").append(kind.getValue().asLong()).append("</td></tr>\n"));
      html.append("</table>\n");
    }
    for (DriftReport.Group group : report.groups()) {
      html.append("<h2>").append(group.rule().equals(DriftReport.NO_RULE)
          ? "No rule id" : "<code>" + escape(group.rule()) + "</code>").append("</h2>\n");
      html.append("<table><tr><th>kind</th><th>model</th><th>count</th><th>first</th><th>last</th></tr>\n");
      for (JsonNode item : group.items()) {
        html.append("<tr><td><code>").append(escape(item.path("kind").asText())).append("</code></td><td>")
            .append(item.path("model").isTextual() ? "<code>" + escape(item.path("model").asText()) + "</code>" : "-")
            .append("</td><td>").append(item.path("count").asLong()).append("</td><td>")
            .append(escape(item.path("first_at").asText())).append("</td><td>")
            .append(escape(item.path("last_at").asText())).append("</td></tr>\n");
      }
      html.append("</table>\n<p>Example:</p>\n<pre>").append(escape(DriftMarkdown.pretty(group.example())))
          .append("</pre>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
