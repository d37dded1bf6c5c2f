package io.kirincontract.spec.evolution;

import io.kirincontract.spec.RuleDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies changes of {@code x-kirin-rules}, which generic diff tools do not read. A change that can refuse (or
 * ignore) a request the old contract accepted as it was is breaking; one that only accepts more is compatible;
 * one whose direction cannot be told (a changed text, other parameters read) is breaking.
 */
final class RuleChanges {

  static final String WHERE = "x-kirin-rules";

  private RuleChanges() {}

  static List<ContractChange> between(List<RuleDef> before, List<RuleDef> after) {
    Map<String, RuleDef> old = byId(before);
    Map<String, RuleDef> now = byId(after);
    List<ContractChange> changes = new ArrayList<>();
    now.values().stream().filter(rule -> !old.containsKey(rule.id())).forEach(rule -> changes.add(added(rule)));
    old.values().stream().filter(rule -> !now.containsKey(rule.id())).forEach(rule -> changes.add(removed(rule)));
    now.values().stream()
        .filter(rule -> old.containsKey(rule.id()))
        .forEach(rule -> changed(old.get(rule.id()), rule, changes));
    return changes;
  }

  private static ContractChange added(RuleDef rule) {
    if (rule.effect() == RuleDef.Effect.IGNORE) {
      return ContractChange.breaking(WHERE, rule.id(), "rule added: " + rule.text(),
          "stop relying on " + params(rule) + " in the case the rule names: the server ignores them there");
    }
    return ContractChange.breaking(WHERE, rule.id(), "rule added (" + refusal(rule) + "): " + rule.text(),
        "make requests to " + models(rule) + " follow it; until then they are refused with " + rule.code());
  }

  private static ContractChange removed(RuleDef rule) {
    if (rule.effect() == RuleDef.Effect.IGNORE) {
      return ContractChange.breaking(WHERE, rule.id(), "rule removed: " + rule.text(),
          params(rule) + " are no longer ignored but read and validated: send them only with valid values");
    }
    return ContractChange.compatible(WHERE, rule.id(), "rule removed: " + rule.text(),
        "nothing; requests it refused are accepted now");
  }

  private static void changed(RuleDef was, RuleDef is, List<ContractChange> changes) {
    String id = is.id();
    if (was.effect() != is.effect()) {
      boolean stricter = is.effect() == RuleDef.Effect.REJECT;
      changes.add(new ContractChange(stricter ? Compatibility.BREAKING : Compatibility.COMPATIBLE, WHERE, id,
          "effect changed from " + name(was.effect()) + " to " + name(is.effect()),
          stricter ? "follow the rule: requests that break it are refused with " + is.code() + " instead of ignored"
              : "nothing; requests it refused are accepted, with " + params(is) + " ignored"));
    }
    if (was.mode() != is.mode()) {
      int direction = Integer.compare(strictness(is.mode()), strictness(was.mode()));
      changes.add(new ContractChange(direction < 0 ? Compatibility.COMPATIBLE : Compatibility.BREAKING, WHERE, id,
          "mode changed from " + name(was.mode()) + " to " + name(is.mode())
              + (direction > 0 ? " (stricter)" : direction < 0 ? " (relaxed)" : " (cannot be ordered)"),
          direction < 0 ? "nothing; the rule refuses requests in fewer setups"
              : "follow the rule: it now refuses requests " + when(is.mode())));
    }
    listChange(id, "models", was.models(), is.models(), changes,
        "follow the rule for the models it now covers too", "nothing; the rule covers fewer models");
    if (!was.params().equals(is.params())) {
      changes.add(ContractChange.breaking(WHERE, id,
          "parameters read changed from " + was.params() + " to " + is.params(),
          "check requests against the rule as it now reads: " + is.text()));
    }
    if (!Objects.equals(was.code(), is.code())) {
      changes.add(ContractChange.breaking(WHERE, id, "error code changed from " + was.code() + " to " + is.code(),
          "expect " + is.code() + " where " + was.code() + " came for this rule"));
    }
    if (!Objects.equals(was.status(), is.status())) {
      changes.add(ContractChange.breaking(WHERE, id, "HTTP status changed from " + was.status() + " to "
          + is.status(), "expect status " + is.status() + " for this rule"));
    }
    if (!was.text().equals(is.text())) {
      changes.add(ContractChange.breaking(WHERE, id,
          "text changed (the condition cannot be ordered from prose): \"" + was.text() + "\" → \"" + is.text() + "\"",
          "check requests against the rule as it now reads"));
    }
    if (!was.source().equals(is.source())) {
      changes.add(ContractChange.compatible(WHERE, id, "source changed from " + was.source() + " to " + is.source(),
          "nothing"));
    }
  }

  /** A model added to the list: the rule applies to more requests (breaking); removed: to fewer. */
  private static void listChange(String id, String what, List<String> was, List<String> is,
      List<ContractChange> changes, String whenAdded, String whenRemoved) {
    List<String> added = is.stream().filter(value -> !was.contains(value)).toList();
    List<String> removed = was.stream().filter(value -> !is.contains(value)).toList();
    if (!added.isEmpty()) {
      changes.add(ContractChange.breaking(WHERE, id, what + " added: " + String.join(", ", added), whenAdded));
    }
    if (!removed.isEmpty()) {
      changes.add(ContractChange.compatible(WHERE, id, what + " removed: " + String.join(", ", removed), whenRemoved));
    }
  }

  /** {@code default} refuses always; {@code strict} and {@code library} only in some setups, not comparable. */
  private static int strictness(RuleDef.Mode mode) {
    return mode == RuleDef.Mode.DEFAULT ? 2 : 1;
  }

  private static String when(RuleDef.Mode mode) {
    return switch (mode) {
      case DEFAULT -> "always";
      case STRICT -> "when the server runs strict";
      case LIBRARY -> "when the server has a subject library";
    };
  }

  private static String refusal(RuleDef rule) {
    return rule.mode() == RuleDef.Mode.DEFAULT ? "refuses with " + rule.code()
        : "refuses with " + rule.code() + " " + when(rule.mode());
  }

  private static String params(RuleDef rule) {
    return String.join(", ", rule.params());
  }

  private static String models(RuleDef rule) {
    return String.join(", ", rule.models());
  }

  private static String name(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }

  private static Map<String, RuleDef> byId(List<RuleDef> rules) {
    return rules.stream().collect(Collectors.toMap(RuleDef::id, Function.identity(), (a, b) -> b, LinkedHashMap::new));
  }
}
