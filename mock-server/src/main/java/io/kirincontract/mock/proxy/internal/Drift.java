package io.kirincontract.mock.proxy.internal;

import java.util.List;

/**
 * One disagreement found in an exchange.
 *
 * @param rule the rule id it concerns (the mock's refusal), or {@code null}
 * @param violations for {@link DriftKind#SCHEMA_VIOLATION}: where the upstream's body breaks the schema
 */
public record Drift(DriftKind kind, String rule, List<Violation> violations) {

  public Drift {
    violations = List.copyOf(violations);
  }

  static Drift of(DriftKind kind, String rule) {
    return new Drift(kind, rule, List.of());
  }

  /** A place where a body breaks the schema: a JSON pointer into the body and the validator's message. */
  public record Violation(String pointer, String message) {}
}
