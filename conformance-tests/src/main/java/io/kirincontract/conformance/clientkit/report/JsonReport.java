package io.kirincontract.conformance.clientkit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.conformance.clientkit.CheckId;
import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.Evidence;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import java.io.UncheckedIOException;

/** {@code client-report.json}: the whole report, snake_case names, times as ISO-8601, durations in milliseconds. */
public final class JsonReport {

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {}

  public static String render(ClientKitReport report) {
    try {
      return MAPPER.writeValueAsString(tree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ObjectNode tree(ClientKitReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("program", report.program());
    root.put("started_at", report.startedAt().toString());
    root.put("took_ms", report.took().toMillis());
    root.put("result", report.passed() ? "pass" : "fail");
    ObjectNode thresholds = root.putObject("thresholds");
    thresholds.put("retry_after_tolerance_ms", report.thresholds().retryAfterTolerance().toMillis());
    thresholds.put("max_retries", report.thresholds().maxRetries());
    thresholds.put("poll_interval_ms", report.thresholds().pollInterval().toMillis());
    ArrayNode checks = root.putArray("checks");
    for (CheckId check : CheckId.values()) {
      ObjectNode node = checks.addObject();
      node.put("id", check.id());
      node.put("result", report.verdict(check).id());
      node.put("passes_when", check.passesWhen());
      ArrayNode in = node.putArray("scenarios");
      report.scenarios().stream().filter(scenario -> scenario.check(check).isPresent())
          .forEach(scenario -> in.add(scenario.scenario().id()));
    }
    ArrayNode scenarios = root.putArray("scenarios");
    for (ScenarioResult scenario : report.scenarios()) {
      ObjectNode node = scenarios.addObject();
      node.put("id", scenario.scenario().id());
      node.put("armed", scenario.scenario().armed());
      node.put("result", scenario.verdict().id());
      node.put("key_id", scenario.keyId());
      if (scenario.exitCode() == null) {
        node.putNull("exit_code");
      } else {
        node.put("exit_code", scenario.exitCode());
      }
      node.put("timed_out", scenario.timedOut());
      node.put("took_ms", scenario.took().toMillis());
      node.put("requests", scenario.requests());
      node.put("output", scenario.output());
      ArrayNode results = node.putArray("checks");
      for (CheckResult check : scenario.checks()) {
        ObjectNode result = results.addObject();
        result.put("id", check.check().id());
        result.put("result", check.verdict().id());
        result.put("summary", check.summary());
        ArrayNode evidence = result.putArray("evidence");
        for (Evidence item : check.evidence()) {
          ObjectNode line = evidence.addObject();
          if (item.seq() != null) {
            line.put("seq", item.seq());
            line.put("at", item.at().toString());
          }
          line.put("note", item.note());
        }
      }
    }
    return root;
  }
}
