package io.kirincontract.conformance.clientkit;

import java.time.Instant;

/**
 * One fact behind a verdict: a journal entry (its {@code seq} and arrival time) and what it shows, or a fact of
 * the run without an entry ({@code seq} and {@code at} {@code null}).
 */
public record Evidence(Long seq, Instant at, String note) {

  public static Evidence of(String note) {
    return new Evidence(null, null, note);
  }

  @Override
  public String toString() {
    return seq == null ? note : "seq " + seq + " at " + at + ": " + note;
  }
}
