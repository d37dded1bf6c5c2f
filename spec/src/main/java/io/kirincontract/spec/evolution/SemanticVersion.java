package io.kirincontract.spec.evolution;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version, {@code MAJOR.MINOR.PATCH} with an optional pre-release ({@code 2.0.0-rc.1}), as
 * {@code info.version} must be. Ordered by precedence; a pre-release comes before its release.
 */
public record SemanticVersion(int major, int minor, int patch, String preRelease)
    implements Comparable<SemanticVersion> {

  private static final Pattern FORM =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?");

  private static final Comparator<SemanticVersion> ORDER =
      Comparator.comparingInt(SemanticVersion::major)
          .thenComparingInt(SemanticVersion::minor)
          .thenComparingInt(SemanticVersion::patch)
          .thenComparing(SemanticVersion::comparePreRelease);

  /**
   * Parses a version.
   *
   * @throws IllegalArgumentException if {@code text} is not {@code MAJOR.MINOR.PATCH[-PRERELEASE]}
   */
  public static SemanticVersion parse(String text) {
    Matcher matcher = text == null ? null : FORM.matcher(text.trim());
    if (matcher == null || !matcher.matches()) {
      throw new IllegalArgumentException(
          "not a semantic version (MAJOR.MINOR.PATCH, such as 1.2.0): " + text);
    }
    return new SemanticVersion(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)),
        matcher.group(4));
  }

  @Override
  public int compareTo(SemanticVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch + (preRelease == null ? "" : "-" + preRelease);
  }

  private int comparePreRelease(SemanticVersion other) {
    if (preRelease == null || other.preRelease == null) {
      return preRelease == null ? (other.preRelease == null ? 0 : 1) : -1;
    }
    String[] mine = preRelease.split("\\.");
    String[] theirs = other.preRelease.split("\\.");
    for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
      int order = compareIdentifier(mine[i], theirs[i]);
      if (order != 0) {
        return order;
      }
    }
    return Integer.compare(mine.length, theirs.length);
  }

  private static int compareIdentifier(String a, String b) {
    boolean numericA = a.chars().allMatch(Character::isDigit);
    boolean numericB = b.chars().allMatch(Character::isDigit);
    if (numericA && numericB) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    return numericA ? -1 : numericB ? 1 : a.compareTo(b);
  }
}
