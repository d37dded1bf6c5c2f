package io.kirincontract.mock.stubs;

import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.journal.internal.RequestMatcher;
import io.kirincontract.mock.journal.RequestPattern;
import java.time.Duration;

/**
 * A stub as armed (DESIGN §6): for the next {@code times} requests that match, answer with {@code answer}, or hit the
 * connection with {@code fault}, after {@code delay} (with neither answer nor fault, the mock's own answer, that much
 * later).
 *
 * @param answer the answer instead of the mock's, or null
 * @param fault what happens to the connection, or null
 * @param delay real time waited before answering, or null
 */
public record Stub(RequestMatcher match, int times, StubAnswer answer, StubFault fault, Duration delay) {

  /** The longest delay: a minute, as the HTTP faults' latency. */
  public static final Duration MAX_DELAY = Duration.ofSeconds(60);

  public Stub {
    if (match == null) {
      match = RequestMatcher.ANY;
    }
    if (match.concernsAnswer()) {
      throw new InvalidControlException(
          "a stub matches what a request sends (method, path, path_regex, key, model, body), not its answer",
          "match");
    }
    if (times < 1) {
      throw new InvalidControlException("times must be at least 1, not " + times, "times");
    }
    if (answer != null && fault != null) {
      throw new InvalidControlException("give answer or fault, not both", "fault");
    }
    if (delay != null && (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0)) {
      throw new InvalidControlException("delay must be 0 to " + MAX_DELAY + ", not " + delay, "delay");
    }
    if (answer == null && fault == null && (delay == null || delay.isZero())) {
      throw new InvalidControlException("a stub needs answer, fault or delay", "answer");
    }
  }

  /** For the next {@code times} requests that match: this answer instead of the mock's (no task is made). */
  public static Stub answer(RequestPattern match, int times, StubAnswer answer) {
    return new Stub(match.toMatcher(), times, answer, null, null);
  }

  /** For the next {@code times} requests that match: this fault. */
  public static Stub fault(RequestPattern match, int times, StubFault fault) {
    return new Stub(match.toMatcher(), times, null, fault, null);
  }

  /** For the next {@code times} requests that match: the mock's own answer, {@code delay} later. */
  public static Stub delay(RequestPattern match, int times, Duration delay) {
    return new Stub(match.toMatcher(), times, null, null, delay);
  }
}
