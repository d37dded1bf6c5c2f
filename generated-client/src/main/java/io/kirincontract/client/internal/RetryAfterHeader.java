package io.kirincontract.client.internal;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads {@code Retry-After}: delay-seconds (what the spec says), or an HTTP date (what HTTP also allows). */
final class RetryAfterHeader {

  private RetryAfterHeader() {}

  /** The delay asked for, or {@code null} when the header is absent or unreadable. */
  static Duration parse(HttpHeaders headers, Clock clock) {
    if (headers == null) {
      return null;
    }
    return headers.firstValue("Retry-After").map(value -> parse(value.strip(), clock)).orElse(null);
  }

  static Duration parse(String value, Clock clock) {
    if (value.matches("[0-9]{1,9}")) {
      return Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(clock.instant(), date);
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
