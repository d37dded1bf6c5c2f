package io.kirincontract.conformance.report;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a run arranged as a matrix: one row per rule id (the spec's {@code x-kirin-rules} in order, then
 * the derived per-field ids that were tested), one column per model, each cell the outcomes of the cases of that
 * rule and model.
 */
public final class ConformanceMatrix {

  private final List<String> models;
  private final Map<String, Map<String, Cell>> rows = new LinkedHashMap<>();
  private final List<CaseResult> results;

  /** The outcomes of the cases of one rule id and model. */
  public static final class Cell {
    private final Map<CaseResult.Outcome, Integer> counts = new EnumMap<>(CaseResult.Outcome.class);

    void add(CaseResult.Outcome outcome) {
      counts.merge(outcome, 1, Integer::sum);
    }

    public int count(CaseResult.Outcome outcome) {
      return counts.getOrDefault(outcome, 0);
    }

    public int total() {
      return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Failed if any case failed, else passed if any passed, else skipped (or empty: no case). */
    public String verdict() {
      if (count(CaseResult.Outcome.FAILED) > 0) {
        return "fail";
      }
      if (count(CaseResult.Outcome.PASSED) > 0) {
        return "pass";
      }
      return total() == 0 ? "none" : "skipped";
    }
  }

  public ConformanceMatrix(KirinSpec spec, List<CaseResult> results) {
    this.models = spec.modelIds();
    this.results = List.copyOf(results);
    for (RuleDef rule : spec.rules()) {
      Map<String, Cell> row = row(rule.id());
      rule.models().forEach(model -> row.putIfAbsent(model, new Cell()));
    }
    Set<String> derived = new java.util.TreeSet<>();
    results.stream().filter(r -> r.rule() != null && spec.rule(r.rule()).isEmpty()).forEach(r -> derived.add(r.rule()));
    derived.forEach(this::row);
    for (CaseResult result : results) {
      if (result.rule() != null && result.model() != null) {
        row(result.rule()).computeIfAbsent(result.model(), model -> new Cell()).add(result.outcome());
      }
    }
  }

  private Map<String, Cell> row(String rule) {
    return rows.computeIfAbsent(rule, id -> new LinkedHashMap<>());
  }

  public List<String> models() {
    return models;
  }

  /** Rule id → model → cell; a model absent from a row means the rule does not concern it. */
  public Map<String, Map<String, Cell>> rows() {
    return rows;
  }

  public List<CaseResult> results() {
    return results;
  }

  public long count(CaseResult.Outcome outcome) {
    return results.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** {@code conformance: 212 passed, 0 failed, 14 skipped}. */
  public String summary() {
    return "conformance: " + count(CaseResult.Outcome.PASSED) + " passed, " + count(CaseResult.Outcome.FAILED)
        + " failed, " + count(CaseResult.Outcome.SKIPPED) + " skipped";
  }

  /** The rule ids whose row has a failed cell, in row order. */
  public List<String> failedRules() {
    List<String> failed = new ArrayList<>();
    rows.forEach((rule, cells) -> {
      if (cells.values().stream().anyMatch(cell -> cell.verdict().equals("fail"))) {
        failed.add(rule);
      }
    });
    return failed;
  }

  /** Rules of the spec with no case at all for some model they concern. */
  public Set<String> uncovered() {
    Set<String> uncovered = new LinkedHashSet<>();
    rows.forEach((rule, cells) -> cells.forEach((model, cell) -> {
      if (cell.total() == 0) {
        uncovered.add(rule + " [" + model + "]");
      }
    }));
    return uncovered;
  }
}
