package io.kirincontract.client.requests;

import java.util.Arrays;
import java.util.List;

/** Looks values up in the generated enums, which know the spec's allowed values (and an unknown case). */
final class GeneratedEnums {

  /** The generated enums' catch-all for values the spec does not list; never sent. */
  static final String UNKNOWN = "unknown_default_open_api";

  private GeneratedEnums() {}

  /** The spec's values of a generated enum, in spec order. */
  static <E extends Enum<E>> List<String> values(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Object::toString)
        .filter(value -> !UNKNOWN.equals(value))
        .toList();
  }

  /**
   * The constant whose wire value is {@code value} ({@code toString()} of a generated enum), {@code null} for
   * {@code null}.
   *
   * @throws IllegalArgumentException if the spec does not allow the value
   */
  static <E extends Enum<E>> E of(Class<E> type, String value, String what) {
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (!UNKNOWN.equals(constant.toString()) && constant.toString().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(what + " must be one of " + values(type) + ", not \"" + value + "\"");
  }
}
