package io.kirincontract.mock.rules.internal.v3;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.rules.internal.RequestView;
import java.util.OptionalInt;

/** Reading durations of a V3 multi-shot request. */
final class Shots {

  private Shots() {}

  /** The task's duration in seconds (given or the default). */
  static int taskDuration(RequestView request) {
    return request.textOrDefault("duration").map(Integer::parseInt).orElse(5);
  }

  /** A shot's duration in seconds, when it is a whole number. */
  static OptionalInt duration(JsonNode shot) {
    return RequestView.text(shot, "duration")
        .filter(text -> text.matches("[0-9]{1,9}"))
        .map(text -> OptionalInt.of(Integer.parseInt(text)))
        .orElse(OptionalInt.empty());
  }
}
