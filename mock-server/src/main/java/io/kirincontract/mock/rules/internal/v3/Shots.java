package io.kirincontract.mock.rules.internal.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import java.util.OptionalInt;

/** Reading durations of a V3 multi-shot request. */
final class Shots {

  /** The most digits a shot's duration is read with: nine always fit an {@code int}. */
  private static final int MAX_DIGITS = 9;

  private Shots() {}

  /** The task's duration in seconds (given or the default). */
  static int taskDuration(RequestView request) {
    return request.textOrDefault("duration").map(Integer::parseInt).orElse(5);
  }

  /**
   * A shot's duration in seconds, when it is a whole number written in 1 to 9 ASCII digits. Read digit by digit, not
   * with a regular expression: two rules read every shot of every multi-shot create, refused ones included.
   */
  static OptionalInt duration(JsonNode shot) {
    JsonNode value = shot.get("duration");
    if (value == null || !value.isTextual()) {
      return OptionalInt.empty();
    }
    String text = value.textValue();
    if (text.isEmpty() || text.length() > MAX_DIGITS) {
      return OptionalInt.empty();
    }
    int seconds = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return OptionalInt.empty();
      }
      seconds = seconds * 10 + (c - '0');
    }
    return OptionalInt.of(seconds);
  }
}
