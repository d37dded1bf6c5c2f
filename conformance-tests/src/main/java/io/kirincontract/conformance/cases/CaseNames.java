package io.kirincontract.conformance.cases;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The naming convention of conformance cases, {@code {rule id} [{model}] {kind}: {title}}, shared by the tests
 * that make the names and the report that reads model and rule back from them.
 */
public final class CaseNames {

  private static final Pattern NAME = Pattern.compile("^(\\S+) \\[([a-z0-9_]+)\\] ([a-z-]+): (.*)$", Pattern.DOTALL);

  private CaseNames() {}

  public static String of(String rule, String model, String kind, String title) {
    return rule + " [" + model + "] " + kind + ": " + title;
  }

  /** The parts of a case name, or empty for a test named otherwise. */
  public static Optional<Parts> parse(String displayName) {
    Matcher matcher = NAME.matcher(displayName);
    return matcher.matches()
        ? Optional.of(new Parts(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)))
        : Optional.empty();
  }

  /** Rule id, model, kind and title of a case. */
  public record Parts(String rule, String model, String kind, String title) {}
}
