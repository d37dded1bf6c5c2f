package io.kirincontract.spec.evolution;

/** Whether a change of the contract keeps existing clients working. */
public enum Compatibility {
  /** A client written for the old contract can fail against the new one: needs a new major version. */
  BREAKING,
  /** A client written for the old contract keeps working. */
  COMPATIBLE
}
