package io.kirincontract.spec.catalogue;

import static io.kirincontract.spec.catalogue.Markdown.code;

import io.kirincontract.spec.RuleDef;
import java.util.List;
import java.util.Locale;

/** The cross-field rules of one model ({@code x-kirin-rules}), in the spec's order. */
final class RuleTable {

  private RuleTable() {}

  static String render(List<RuleDef> rules) {
    Markdown.Table table =
        new Markdown.Table("rule id", "params", "text", "effect", "mode", "source", "code", "status");
    for (RuleDef rule : rules) {
      table.row(
          code(rule.id()),
          String.join(", ", rule.params().stream().map(Markdown::code).toList()),
          Markdown.text(rule.text()),
          lower(rule.effect()),
          lower(rule.mode()),
          rule.source(),
          code(rule.code()),
          rule.status() == null ? "" : rule.status().toString());
    }
    return table.render();
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
