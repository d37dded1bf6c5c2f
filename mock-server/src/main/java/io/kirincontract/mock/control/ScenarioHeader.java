package io.kirincontract.mock.control;

import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the per-request steering header, strictly: {@code X-Kirin-Mock-Scenario: fail=002015095@processing},
 * {@code hold=processing}, {@code duration=PT20S}, or several of them separated by {@code ;}. Anything else (an
 * unknown directive, a repeated one, a bad value) is refused with a message that says what is allowed.
 */
public final class ScenarioHeader {

  /** The header's name. */
  public static final String NAME = "X-Kirin-Mock-Scenario";

  /** What the header may hold, for error messages and docs. */
  public static final String ALLOWED =
      "fail=<generation-failure code of the model, or default>[@queued|@processing], hold=queued|processing and"
          + " duration=<ISO-8601 duration, such as PT20S>, each at most once, separated by ';'";

  /** {@code fail=default}: the model's first generation-failure code. */
  public static final String DEFAULT_CODE = "default";

  private static final Pattern FAIL = Pattern.compile("([0-9A-Za-z_]+)(?:@([a-z]+))?");

  private ScenarioHeader() {}

  /**
   * The scenario the header asks for.
   *
   * @throws InvalidControlException when the header is not exactly in the allowed form
   */
  public static Scenario parse(String header) {
    return parse(header, NAME);
  }

  /**
   * The scenario written in {@code text} with the header's grammar; errors name {@code source} (the header, or the
   * {@code scenario} field of an admin rule).
   */
  public static Scenario parse(String text, String source) {
    try {
      return read(text);
    } catch (InvalidControlException e) {
      throw new InvalidControlException(source + " " + e.getMessage() + ". Allowed: " + ALLOWED + ".", source);
    }
  }

  private static Scenario read(String header) {
    if (header == null || header.isBlank()) {
      throw invalid("is empty");
    }
    Scenario.Failure fail = null;
    TaskStatus hold = null;
    Duration duration = null;
    Set<String> seen = new HashSet<>();
    for (String part : header.split(";", -1)) {
      String directive = part.strip();
      int equals = directive.indexOf('=');
      if (equals <= 0) {
        throw invalid("has \"" + directive + "\", which is not name=value");
      }
      String name = directive.substring(0, equals).strip().toLowerCase(Locale.ROOT);
      String value = directive.substring(equals + 1).strip();
      if (!seen.add(name)) {
        throw invalid("gives " + name + " twice");
      }
      switch (name) {
        case "fail" -> fail = failure(value);
        case "hold" -> hold = status(value, "hold");
        case "duration" -> duration = duration(value);
        default -> throw invalid("has the unknown directive \"" + name + "\"");
      }
    }
    try {
      return new Scenario(fail, hold, duration);
    } catch (InvalidControlException e) {
      throw invalid("is inconsistent: " + e.getMessage());
    }
  }

  private static Scenario.Failure failure(String value) {
    Matcher matcher = FAIL.matcher(value);
    if (!matcher.matches()) {
      throw invalid("has fail=" + value + "; write fail=<code> or fail=<code>@queued|processing");
    }
    TaskStatus stage = matcher.group(2) == null ? TaskStatus.PROCESSING : status(matcher.group(2), "the fail stage");
    String code = matcher.group(1);
    return new Scenario.Failure(code.equals(DEFAULT_CODE) ? null : code, stage);
  }

  private static TaskStatus status(String value, String what) {
    return switch (value) {
      case "queued" -> TaskStatus.QUEUED;
      case "processing" -> TaskStatus.PROCESSING;
      default -> throw invalid("has " + what + " \"" + value + "\"; use queued or processing");
    };
  }

  private static Duration duration(String value) {
    Duration duration;
    try {
      duration = Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw invalid("has duration=" + value + ", which is not an ISO-8601 duration such as PT20S or PT1M30S");
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(Scenario.MAX_DURATION) > 0) {
      throw invalid("has duration=" + value + "; it must be more than 0 and at most PT24H");
    }
    return duration;
  }

  private static InvalidControlException invalid(String problem) {
    return new InvalidControlException(problem, null);
  }
}
