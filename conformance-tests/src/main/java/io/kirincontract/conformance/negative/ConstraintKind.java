package io.kirincontract.conformance.negative;

import java.util.Locale;

/** The kinds of JSON Schema constraint the generator breaks, with the keywords of each. */
public enum ConstraintKind {
  TYPE("type"),
  ENUM("enum"),
  STRING_LENGTH("minLength", "maxLength"),
  ARRAY_COUNT("minItems", "maxItems"),
  NUMERIC_BOUND("minimum", "maximum"),
  PATTERN("pattern"),
  FORMAT("format"),
  REQUIRED("required");

  private final String[] keywords;

  ConstraintKind(String... keywords) {
    this.keywords = keywords;
  }

  public static ConstraintKind of(String keyword) {
    for (ConstraintKind kind : values()) {
      for (String candidate : kind.keywords) {
        if (candidate.equals(keyword)) {
          return kind;
        }
      }
    }
    throw new IllegalArgumentException("no constraint kind for keyword " + keyword);
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
