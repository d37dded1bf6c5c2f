package io.kirincontract.mock.journal;

import io.kirincontract.mock.journal.internal.RequestMatcher;
import java.util.Comparator;
import java.util.List;

/**
 * A request that did not match a pattern, and what it missed ("model kirin_v3_t2v (was kirin_video_o1)").
 *
 * @param request the recorded request
 * @param missed each condition it did not meet, with what it had instead
 */
public record NearMiss(RecordedRequest request, List<String> missed) {

  public NearMiss {
    missed = List.copyOf(missed);
  }

  /** The {@code limit} entries that miss the fewest conditions (the most recent first among equals). */
  public static List<NearMiss> closest(RequestMatcher matcher, List<RecordedRequest> entries, int limit) {
    return entries.stream()
        .map(entry -> new NearMiss(entry, matcher.misses(entry)))
        .filter(miss -> !miss.missed().isEmpty())
        .sorted(
            Comparator.comparingInt((NearMiss miss) -> miss.missed().size())
                .thenComparing(miss -> -miss.request().seq()))
        .limit(limit)
        .toList();
  }

  @Override
  public String toString() {
    return request + " missed " + String.join("; ", missed);
  }
}
