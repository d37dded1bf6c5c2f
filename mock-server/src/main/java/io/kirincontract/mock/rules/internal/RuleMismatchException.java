package io.kirincontract.mock.rules.internal;

import java.util.Set;

/** The server's rule implementations and the spec's {@code x-kirin-rules} ids differ: the server refuses to start. */
public final class RuleMismatchException extends RuntimeException {

  private final Set<String> missing;
  private final Set<String> extra;

  public RuleMismatchException(Set<String> missing, Set<String> extra) {
    super(
        "the mock implements a different set of rules than the spec's x-kirin-rules; "
            + "in the spec but not implemented: " + missing + "; implemented but not in the spec: " + extra);
    this.missing = Set.copyOf(missing);
    this.extra = Set.copyOf(extra);
  }

  /** Rule ids the spec lists that have no implementation. */
  public Set<String> missing() {
    return missing;
  }

  /** Implemented rule ids the spec does not list. */
  public Set<String> extra() {
    return extra;
  }
}
