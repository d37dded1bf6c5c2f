package io.kirincontract.mock.callbacks.internal;

/** What one delivery attempt led to. */
public enum DeliveryOutcome {
  /** The receiver answered 2xx; this callback is done. */
  DELIVERED,
  /** The attempt failed (non-2xx, connection error, timeout); another attempt is scheduled. */
  WILL_RETRY,
  /** The attempt failed and no other follows: attempts exhausted, unusable URL, or dispatcher closed. */
  GAVE_UP,
  /**
   * The egress policy refused the URL: nothing was sent (no DNS lookup, no connection) and nothing will be; the
   * entry's error says why. Attempt number 0, no HTTP status, no duration.
   */
  BLOCKED,
  /**
   * The dispatcher was closed (the server stopped, or a reset) before this callback was delivered or given up; it
   * will not be sent. Attempt number 0, no HTTP status; the error says what it was waiting for.
   */
  DROPPED
}
