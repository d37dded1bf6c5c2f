package io.kirincontract.mock.media.internal;

import java.time.Duration;

/** Small helpers that make reasons readable. */
final class Texts {

  private static final int MAX_QUOTED = 80;

  private Texts() {}

  /** The text itself, or its start followed by an ellipsis when it is long. */
  static String abbreviate(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
  }

  /** "2 s", "300 ms". */
  static String duration(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 1000 == 0) {
      return millis / 1000 + " s";
    }
    return millis + " ms";
  }

  /** "10 MiB", "1.5 KiB", "512 bytes". */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    String[] units = {"KiB", "MiB", "GiB"};
    double value = bytes;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value == Math.rint(value)
            ? String.valueOf((long) value)
            : String.format(java.util.Locale.ROOT, "%.1f", value))
        + " "
        + units[unit];
  }
}
