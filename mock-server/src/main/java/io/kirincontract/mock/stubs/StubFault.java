package io.kirincontract.mock.stubs;

import java.util.Locale;
import java.util.Optional;

/** What a stub does to the connection instead of (or after) the mock's answer. */
public enum StubFault {
  /** The request is handled (a create makes its task), then the connection is closed with no answer. */
  LOST_ANSWER,
  /** The request is handled (a create makes its task), then the answer is cut in the middle of its JSON. */
  GARBLED_ANSWER,
  /** The connection is closed at once; nothing is handled, no task is made. */
  RESET;

  /** {@code lost_answer}, {@code garbled_answer}, {@code reset}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<StubFault> fromWire(String name) {
    for (StubFault fault : values()) {
      if (fault.wireName().equals(name)) {
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }
}
