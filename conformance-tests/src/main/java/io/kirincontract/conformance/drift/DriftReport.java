package io.kirincontract.conformance.drift;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mock's {@code GET /__admin/drift} answer (DESIGN §7), grouped by rule id for people: one group per rule (items
 * that name none form a last group), each with its items and one example.
 *
 * @param source where the findings were read from
 * @param drift the answer as received
 */
public record DriftReport(String source, JsonNode drift) {

  /** The group of items without a rule id. */
  public static final String NO_RULE = "(no rule)";

  /** The items that name this rule, or {@link #NO_RULE}. */
  public record Group(String rule, List<JsonNode> items) {

    /** The example of the group: its most frequent item's. */
    public JsonNode example() {
      return items.get(0).path("example");
    }

    public long count() {
      return items.stream().mapToLong(item -> item.path("count").asLong()).sum();
    }
  }

  /** The groups, those with a rule id first (most frequent first), then the one without. */
  public List<Group> groups() {
    Map<String, List<JsonNode>> byRule = new LinkedHashMap<>();
    for (JsonNode item : drift.path("items")) {
      String rule = item.path("rule").isTextual() ? item.path("rule").asText() : NO_RULE;
      byRule.computeIfAbsent(rule, key -> new ArrayList<>()).add(item);
    }
    List<Group> groups = new ArrayList<>();
    byRule.forEach((rule, items) -> {
      List<JsonNode> sorted = new ArrayList<>(items);
      sorted.sort((a, b) -> Long.compare(b.path("count").asLong(), a.path("count").asLong()));
      groups.add(new Group(rule, List.copyOf(sorted)));
    });
    groups.sort((a, b) -> {
      boolean aNone = a.rule().equals(NO_RULE);
      boolean bNone = b.rule().equals(NO_RULE);
      return aNone != bNone ? Boolean.compare(aNone, bNone) : Long.compare(b.count(), a.count());
    });
    return groups;
  }

  /** Whether any disagreement was found. */
  public boolean drifted() {
    return drift.path("items").size() > 0 || drift.path("by_kind").size() > 0;
  }

  /** {@code 120 exchanges since ...: 112 agreed, 8 drifted, 0 dropped}. */
  public String summaryLine() {
    long exchanges = drift.path("exchanges").asLong();
    long agreed = drift.path("agreed").asLong();
    return exchanges + " exchange(s) judged since " + drift.path("since").asText() + ": " + agreed + " agreed, "
        + (exchanges - agreed) + " drifted, " + drift.path("dropped").asLong() + " dropped (not judged)";
  }
}
