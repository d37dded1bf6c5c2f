package io.kirincontract.conformance.clientkit.grading;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Durations as the reports write them. */
final class Times {

  private Times() {}

  /** {@code 2.013 s}. */
  static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
  }

  static Duration median(List<Duration> durations) {
    List<Duration> sorted = durations.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
  }
}
