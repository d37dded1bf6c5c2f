package io.kirincontract.mock.rules.internal.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reading durations of a V3 multi-shot request. */
final class Shots {

  /** A whole number of seconds as a shot's duration is written (compiled once: the rules read it on every create). */
  private static final Pattern WHOLE_SECONDS = Pattern.compile("[0-9]{1,9}");

  private Shots() {}

  /** The task's duration in seconds (given or the default). */
  static int taskDuration(RequestView request) {
    return request.textOrDefault("duration").map(Integer::parseInt).orElse(5);
  }

  /** A shot's duration in seconds, when it is a whole number. */
  static OptionalInt duration(JsonNode shot) {
    return RequestView.text(shot, "duration")
        .filter(text -> WHOLE_SECONDS.matcher(text).matches())
        .map(text -> OptionalInt.of(Integer.parseInt(text)))
        .orElse(OptionalInt.empty());
  }
}
