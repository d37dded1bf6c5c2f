package io.kirincontract.conformance.clientkit.report;

import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import java.util.stream.Collectors;

/** {@code client-report.md}: the checks' verdicts in a table, then each scenario with its evidence. */
public final class MarkdownReport {

  private MarkdownReport() {}

  public static String render(ClientKitReport report) {
    StringBuilder md = new StringBuilder();
    md.append("# Client conformance report\n\n");
    md.append("Program: `").append(cell(report.program())).append("`  \n");
    md.append("Started ").append(report.startedAt()).append(", took ").append(report.took().toMillis())
        .append(" ms. Result: **").append(report.passed() ? "pass" : "fail").append("** (")
        .append(report.summaryLine()).append(").\n\n");
    md.append("| check | result | scenarios | passes when |\n|---|---|---|---|\n");
    for (CheckId check : CheckId.values()) {
      md.append("| `").append(check.id()).append("` | ").append(report.verdict(check).id()).append(" | ")
          .append(report.scenarios().stream().filter(scenario -> scenario.check(check).isPresent())
              .map(scenario -> scenario.scenario().id()).collect(Collectors.joining(", ")))
          .append(" | ").append(cell(check.passesWhen())).append(" |\n");
    }
    for (ScenarioResult scenario : report.scenarios()) {
      md.append("\n## ").append(scenario.scenario().id()).append(": ").append(scenario.verdict().id()).append("\n\n");
      md.append("Armed: ").append(scenario.scenario().armed()).append(". Key `").append(scenario.keyId())
          .append("`, ").append(scenario.requests()).append(" request(s), ").append(scenario.ending()).append(" after ")
          .append(scenario.took().toMillis()).append(" ms");
      if (scenario.output() != null) {
        md.append(", output in `").append(scenario.output()).append('`');
      }
      md.append(".\n");
      for (CheckResult check : scenario.checks()) {
        md.append("\n- `").append(check.check().id()).append("` **").append(check.verdict().id()).append("**: ")
            .append(check.summary()).append('\n');
        for (Evidence evidence : check.evidence()) {
          md.append("  - ").append(evidence.seq() == null ? "" : "seq " + evidence.seq() + " at " + evidence.at() + ": ")
              .append(evidence.note()).append('\n');
        }
      }
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
