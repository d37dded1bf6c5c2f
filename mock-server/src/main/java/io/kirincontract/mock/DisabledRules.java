package io.kirincontract.mock;

import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.ModelDef;
import java.util.Set;
import java.util.TreeSet;

/** Refuses {@code --disable-rule} ids that name no rule, so a typo cannot silently disable nothing. */
final class DisabledRules {

  private DisabledRules() {}

  static void check(KirinSpec spec, Set<String> disabled) {
    Set<String> unknown = new TreeSet<>();
    for (String id : disabled) {
      boolean crossField = spec.rule(id).isPresent();
      boolean perField =
          spec.models().stream().map(ModelDef::rulePrefix).anyMatch(prefix -> id.startsWith(prefix + "."));
      if (!crossField && !perField) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "cannot disable " + unknown + ": not an x-kirin-rules id nor a per-field rule id (prefix "
              + spec.models().stream().map(ModelDef::rulePrefix).toList() + ")");
    }
  }
}
