package io.kirincontract.mock.callbacks;

/** What one delivery attempt led to. */
public enum DeliveryOutcome {
  /** The receiver answered 2xx; this callback is done. */
  DELIVERED,
  /** The attempt failed (non-2xx, connection error, timeout); another attempt is scheduled. */
  WILL_RETRY,
  /** The attempt failed and no other follows: attempts exhausted, unusable URL, or dispatcher closed. */
  GAVE_UP
}
