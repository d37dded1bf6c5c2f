package io.kirincontract.conformance.clientkit.report;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import io.kirincontract.conformance.clientkit.Verdict;
import java.util.stream.Collectors;

/** {@code client-report.html}: one self-contained page (no scripts, no external assets). */
public final class HtmlReport {

  private static final String STYLE = "body{font-family:sans-serif;margin:2em;max-width:70em}"
      + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
      + ".pass{color:#17692b}.fail{color:#b00020;font-weight:bold}.not-exercised{color:#777}"
      + "code{background:#f3f3f3}li{margin:.2em 0}";

  private HtmlReport() {}

  public static String render(ClientKitReport report) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Client conformance report"
        + "</title><style>").append(STYLE).append("</style></head><body>\n");
    html.append("<h1>Client conformance report: ").append(verdict(report.passed() ? Verdict.PASS : Verdict.FAIL))
        .append("</h1>\n");
    html.append("<p>Program: <code>").append(escape(report.program())).append("</code><br>Started ")
        .append(report.startedAt()).append(", took ").append(report.took().toMillis()).append(" ms. ")
        .append(escape(report.summaryLine())).append("</p>\n");
    html.append("<table><tr><th>check</th><th>result</th><th>scenarios</th><th>passes when</th></tr>\n");
    for (CheckId check : CheckId.values()) {
      html.append("<tr><td><code>").append(check.id()).append("</code></td><td>").append(verdict(report.verdict(check)))
          .append("</td><td>").append(escape(report.scenarios().stream()
              .filter(scenario -> scenario.check(check).isPresent()).map(scenario -> scenario.scenario().id())
              .collect(Collectors.joining(", "))))
          .append("</td><td>").append(escape(check.passesWhen())).append("</td></tr>\n");
    }
    html.append("</table>\n");
    for (ScenarioResult scenario : report.scenarios()) {
      html.append("<h2 id=\"").append(scenario.scenario().id()).append("\">").append(scenario.scenario().id())
          .append(": ").append(verdict(scenario.verdict())).append("</h2>\n<p>Armed: ")
          .append(escape(scenario.scenario().armed())).append(". Key <code>").append(escape(scenario.keyId()))
          .append("</code>, ").append(scenario.requests()).append(" request(s), ").append(escape(scenario.ending()))
          .append(" after ").append(scenario.took().toMillis()).append(" ms");
      if (scenario.output() != null) {
        html.append(", output in <a href=\"").append(escape(scenario.output())).append("\">")
            .append(escape(scenario.output())).append("</a>");
      }
      html.append(".</p>\n<ul>\n");
      for (CheckResult check : scenario.checks()) {
        html.append("<li><code>").append(check.check().id()).append("</code> ").append(verdict(check.verdict()))
            .append(": ").append(escape(check.summary()));
        if (!check.evidence().isEmpty()) {
          html.append("<ul>");
          for (Evidence evidence : check.evidence()) {
            html.append("<li>").append(escape(evidence.toString())).append("</li>");
          }
          html.append("</ul>");
        }
        html.append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String verdict(Verdict verdict) {
    return "<span class=\"" + verdict.id() + "\">" + verdict.id() + "</span>";
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
