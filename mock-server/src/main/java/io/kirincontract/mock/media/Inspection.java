package io.kirincontract.mock.media;


/**
 * The outcome of inspecting one media value. Rules turn each outcome into a rule id and an error code
 * (encoding, format, max-size, url-reachable); this type only says what was found.
 */
public sealed interface Inspection<T> {

  /** The bytes were read and recognised; {@code info} holds format and dimensions. */
  record Inspected<T>(T info, MediaSource source) implements Inspection<T> {}

  /** The value is neither plain base64 nor an http(s) URL (for example it has a {@code data:} prefix). */
  record Malformed<T>(String reason) implements Inspection<T> {}

  /** The bytes are over the limit; {@code seenBytes} is at least the size seen, or -1 when unknown. */
  record TooLarge<T>(long limitBytes, long seenBytes, MediaSource source) implements Inspection<T> {}

  /** The bytes are not an accepted format (not JPEG/PNG, not MP4/MOV, truncated or corrupt headers). */
  record Unreadable<T>(String reason, MediaSource source) implements Inspection<T> {}

  /** The URL could not be fetched (DNS, connection, timeout, non-2xx, fetching disabled). */
  record Unreachable<T>(String url, String reason) implements Inspection<T> {}

  /**
   * The URL was not fetched on purpose (the request was already refused by another rule), so nothing is known of
   * it and no rule reports on it.
   */
  record NotFetched<T>(String url) implements Inspection<T> {}
}
