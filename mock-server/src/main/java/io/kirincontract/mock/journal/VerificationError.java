package io.kirincontract.mock.journal;

import java.util.List;

/**
 * A failed verification of the journal: the message says what was expected, what was found, and the closest near
 * misses with what each missed. An {@link AssertionError}, so test frameworks report it as a failure.
 */
public final class VerificationError extends AssertionError {

  private static final long serialVersionUID = 1L;

  private final transient List<NearMiss> nearMisses;

  public VerificationError(String message, List<NearMiss> nearMisses) {
    super(message);
    this.nearMisses = List.copyOf(nearMisses);
  }

  /** The closest requests that did not match, closest first. */
  public List<NearMiss> nearMisses() {
    return nearMisses;
  }
}
