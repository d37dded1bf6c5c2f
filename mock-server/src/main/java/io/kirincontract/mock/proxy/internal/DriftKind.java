package io.kirincontract.mock.proxy.internal;

import java.util.Locale;

/** The kinds of disagreement DESIGN §7 names, with their wire names. */
public enum DriftKind {
  /** The mock refuses (rule R) and the upstream accepts. */
  RULE_NOT_ENFORCED,
  /** The mock accepts and the upstream refuses. */
  UNEXPECTED_REFUSAL,
  /** Both refuse, with different codes or statuses. */
  CODE_MISMATCH,
  /** The upstream's {@code error.code} is not in the error catalogue. */
  UNKNOWN_CODE,
  /** The upstream's body breaks the spec's schema. */
  SCHEMA_VIOLATION,
  /** A status the spec does not list for the operation. */
  UNDOCUMENTED_STATUS,
  /** The caller got {@code 502} or {@code 504}. */
  UPSTREAM_UNREACHABLE;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
