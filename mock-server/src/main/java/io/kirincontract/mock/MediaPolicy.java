package io.kirincontract.mock;

/**
 * How the mock treats what it cannot check or resolve: media URLs it cannot fetch and O1 prompt references that
 * point at nothing (the spec's {@code mode: strict} rules).
 */
public enum MediaPolicy {
  /** Accept the request and add a warning to the task's {@code metadata.warnings} (the default). */
  LENIENT,
  /** Reject the request with the rule's code. */
  STRICT
}
