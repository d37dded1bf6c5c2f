package io.kirincontract.conformance.cases;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * One case of a case file: a request that breaks a rule, or one at its passing edge, and what the server must
 * answer.
 *
 * @param model the model of the case file
 * @param rule the {@code x-kirin-rules} id the case is about
 * @param kind whether the request breaks the rule or sits at its passing edge
 * @param title what the request does, for people
 * @param request the request body (base merged with the case's changes; fixtures not yet resolved)
 * @param expect the answer the case expects beyond the defaults of its rule and kind
 */
public record RuleCase(String model, String rule, Kind kind, String title, JsonNode request, Expect expect) {

  /** Which side of the rule the request is on. */
  public enum Kind {
    BREAK,
    PASS;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * Expectations a case file may state; each is optional and defaults from the spec's rule.
   *
   * @param status HTTP status (breaks of {@code reject} rules: the rule's status; otherwise 200)
   * @param code error code (the rule's code)
   * @param param {@code error.param}, checked when given
   * @param ignored parameters that must be listed in {@code metadata.ignored_params}
   * @param notIgnored parameters that must not be listed there
   */
  public record Expect(
      Optional<Integer> status,
      Optional<String> code,
      Optional<String> param,
      List<String> ignored,
      List<String> notIgnored) {

    public static Expect none() {
      return new Expect(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of());
    }
  }

  /** The name of the case in test reports: {@code {rule} [{model}] {kind}: {title}}. */
  public String displayName() {
    return CaseNames.of(rule, model, kind.label(), title);
  }
}
