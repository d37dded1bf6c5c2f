package io.kirincontract.mock.media.internal;

/**
 * What fetching a URL gave: the whole body, a body over the cap, or a failure with a human reason.
 */
public sealed interface FetchOutcome {

  /** The complete body, at most the cap in size. */
  record Body(byte[] bytes) implements FetchOutcome {}

  /**
   * The body is over the cap; {@code seenBytes} is the declared length, or -1 when the download was
   * cut at the cap (how large the whole is stays unknown).
   */
  record OverCap(long seenBytes) implements FetchOutcome {}

  /** Nothing usable arrived (DNS, connection, timeout, HTTP status). */
  record Failed(String reason) implements FetchOutcome {}
}
