package io.kirincontract.mock.robustness;

import io.kirincontract.mock.support.SpecConformance;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The property every answer must have: a 4xx in the error envelope, valid against the spec's {@code ErrorResponse}
 * schema, or a 200 with a valid Task on a task endpoint (or the health and spec endpoints). Never a 5xx, never
 * anything else.
 */
final class Verdict {

  /** A task endpoint, judged on the decoded path the server sees ({@link ServerPath}): any id segment. */
  private static final Pattern SPEC_PATH = Pattern.compile("/v1/videos/generations(/external)?(/[^/]+)?");
  private static final Set<String> VALIDATOR_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OPEN_PATHS = Set.of("/health", "/openapi.yaml");

  /** Answers already validated against the spec (many bodies repeat: the same 401, the same field error). */
  private static final Map<String, Optional<String>> CHECKED = new ConcurrentHashMap<>();

  private static final int CACHE_SIZE = 50_000;

  private Verdict() {}

  /** What is wrong with the answer, or empty when it is one of the allowed answers. */
  static Optional<String> problem(Probe probe, Answer answer) {
    int status = answer.status();
    String method = probe.method().toUpperCase(Locale.ROOT);
    String path = ServerPath.of(probe.path()).orElse("/__undecodable");
    if (status >= 500) {
      return Optional.of("a " + status + " (" + answer.show() + ")");
    }
    if (status == 200 && OPEN_PATHS.contains(path) && (method.equals("GET") || method.equals("HEAD"))) {
      return Optional.empty();
    }
    boolean task = status == 200 && SPEC_PATH.matcher(path).matches() && (method.equals("GET") || method.equals("POST"));
    if (!task && (status < 400 || status >= 500)) {
      return Optional.of("neither a 4xx nor a Task: " + answer.show());
    }
    if (method.equals("HEAD")) {
      return Optional.empty(); // no body to check
    }
    if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/json")) {
      return Optional.of("not JSON: " + answer.show());
    }
    String validatorMethod = VALIDATOR_METHODS.contains(method) ? method : "POST";
    String validatorPath = specPath(path);
    String body = answer.text();
    String key = validatorMethod + " " + validatorPath + " " + status + " " + body;
    Optional<String> known = CHECKED.get(key);
    if (known != null) {
      return known;
    }
    Optional<String> verdict;
    try {
      SpecConformance.assertConforms(validatorMethod, validatorPath, status, body);
      verdict = Optional.empty();
    } catch (AssertionError e) {
      verdict = Optional.of("not valid against the spec: " + firstLines(e.getMessage()));
    }
    if (CHECKED.size() < CACHE_SIZE && key.length() < 4096) {
      CHECKED.put(key, verdict);
    }
    return verdict;
  }

  /**
   * The spec path the answer is validated for: the task endpoint the server routed to, with a plain id in place of
   * whatever the decoded id holds (the validator needs a URI), or a path the spec does not have.
   */
  private static String specPath(String path) {
    java.util.regex.Matcher matcher = SPEC_PATH.matcher(path);
    if (!matcher.matches()) {
      return "/__not/in/the/spec";
    }
    if (matcher.group(2) == null) {
      return matcher.group(1) == null ? "/v1/videos/generations" : "/v1/videos/generations/external";
    }
    return "/v1/videos/generations" + (matcher.group(1) == null ? "" : "/external") + "/some-id";
  }

  private static String firstLines(String message) {
    return message == null ? "" : message.length() > 1200 ? message.substring(0, 1200) + "..." : message;
  }
}
