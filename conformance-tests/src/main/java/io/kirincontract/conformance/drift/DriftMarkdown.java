package io.kirincontract.conformance.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code drift-report.md}: the summary, the counts per kind, then one section per rule id with one example. */
public final class DriftMarkdown {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DriftMarkdown() {}

  public static String render(DriftReport report) {
    StringBuilder md = new StringBuilder("# Drift report\n\n");
    md.append("From `").append(report.source()).append("`. ").append(report.summaryLine()).append(".\n\n");
    JsonNode byKind = report.drift().path("by_kind");
    if (byKind.isEmpty()) {
      md.append("No disagreement between the provider, the mock and the spec.\n");
      return md.toString();
    }
    md.append("| kind | count |\n|---|---|\n");
    byKind.properties().forEach(kind ->
        md.append("| `").append(kind.getKey()).append("` | ").append(kind.getValue().asLong()).append(" |\n"));
    for (DriftReport.Group group : report.groups()) {
      md.append("\n## ").append(group.rule().equals(DriftReport.NO_RULE) ? "No rule id" : "`" + group.rule() + "`")
          .append("\n\n| kind | model | count | first | last |\n|---|---|---|---|---|\n");
      for (JsonNode item : group.items()) {
        md.append("| `").append(item.path("kind").asText()).append("` | ").append(cell(item.path("model")))
            .append(" | ").append(item.path("count").asLong()).append(" | ").append(item.path("first_at").asText())
            .append(" | ").append(item.path("last_at").asText()).append(" |\n");
      }
      md.append("\nExample:\n\n```json\n").append(pretty(group.example())).append("\n```\n");
    }
    return md.toString();
  }

  static String pretty(JsonNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return node.toString();
    }
  }

  private static String cell(JsonNode value) {
    return value.isTextual() ? "`" + value.asText().replace("|", "\\|").replace("`", "'") + "`" : "-";
  }
}
