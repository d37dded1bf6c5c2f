package io.kirincontract.spec.catalogue;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The output resolution a request schema's description states: the text after {@code Output:}, else the clause
 * naming a resolution ({@code 1080p at 24 fps}).
 */
final class OutputResolution {

  private static final String OUTPUT = "Output:";
  private static final Pattern RESOLUTION = Pattern.compile("\\b\\d{3,4}p\\b");
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=\\.)\\s+");

  private OutputResolution() {}

  static Optional<String> of(String description) {
    if (description == null) {
      return Optional.empty();
    }
    String flat = description.strip().replaceAll("\\s+", " ");
    int output = flat.indexOf(OUTPUT);
    if (output >= 0) {
      return Optional.of(withoutFinalPeriod(SENTENCE_END.split(flat.substring(output + OUTPUT.length()).strip())[0]));
    }
    for (String sentence : SENTENCE_END.split(flat)) {
      for (String clause : sentence.split(",\\s*")) {
        if (RESOLUTION.matcher(clause).find()) {
          return Optional.of(withoutFinalPeriod(clause.strip()));
        }
      }
    }
    return Optional.empty();
  }

  private static String withoutFinalPeriod(String text) {
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }
}
