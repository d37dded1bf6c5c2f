package io.kirincontract.mock.journal.internal;

import io.kirincontract.mock.journal.NearMiss;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.journal.VerificationError;
import java.util.List;

/** What {@code verify} checks against the journal, and the messages it fails with. */
public final class Verification {

  /** How many near misses a failure lists. */
  public static final int NEAR_MISSES = 3;

  /** How many refused requests {@link #noRefusedRequests} lists. */
  static final int LISTED = 10;

  private Verification() {}

  /** Exactly {@code times} entries match, else a {@link VerificationError} with the near misses. */
  public static void times(RequestJournal journal, int times, RequestMatcher matcher) {
    times(journal.all(), times, matcher);
  }

  /** Exactly {@code times} of {@code entries} match, else a {@link VerificationError} with the near misses. */
  public static void times(List<RecordedRequest> entries, int times, RequestMatcher matcher) {
    List<RecordedRequest> matching = entries.stream().filter(matcher::matches).toList();
    if (matching.size() == times) {
      return;
    }
    StringBuilder message =
        new StringBuilder()
            .append("expected ")
            .append(times)
            .append(times == 1 ? " request" : " requests")
            .append(" matching ")
            .append(matcher)
            .append(", found ")
            .append(matching.size())
            .append(" among the ")
            .append(entries.size())
            .append(" in the journal");
    List<NearMiss> nearMisses = List.of();
    if (matching.size() < times) {
      nearMisses = NearMiss.closest(matcher, entries, NEAR_MISSES);
      message.append(nearMisses.isEmpty() ? "; no other request was recorded" : "; the closest near misses:");
      nearMisses.forEach(miss -> message.append("\n  ").append(miss));
    } else {
      message.append(":");
      matching.stream().limit(LISTED).forEach(entry -> message.append("\n  ").append(entry));
    }
    throw new VerificationError(message.toString(), nearMisses);
  }

  /** No entry was refused, else a {@link VerificationError} listing them. */
  public static void noRefusedRequests(RequestJournal journal) {
    noRefusedRequests(journal.all());
  }

  /** No entry of {@code entries} was refused, else a {@link VerificationError} listing them. */
  public static void noRefusedRequests(List<RecordedRequest> entries) {
    List<RecordedRequest> refused = entries.stream().filter(RecordedRequest::refused).toList();
    if (refused.isEmpty()) {
      return;
    }
    StringBuilder message =
        new StringBuilder().append("expected no refused request, found ").append(refused.size()).append(":");
    refused.stream().limit(LISTED).forEach(entry -> message.append("\n  ").append(entry));
    throw new VerificationError(message.toString(), List.of());
  }
}
