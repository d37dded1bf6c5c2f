package io.kirincontract.mock.problems;

/**
 * One thing wrong with a request, as the error envelope shows it.
 *
 * @param code the error code (the model's seed code where the spec gives one, else a project code)
 * @param message what is wrong and what is allowed
 * @param param the offending field as a dotted JSON path ({@code multi_prompt[1].prompt}), or {@code null}
 * @param rule the broken rule id ({@code x-kirin-rules} or derived per-field id), or {@code null}
 */
public record Problem(String code, String message, String param, String rule) {

  /** A problem that concerns no single field and no rule (authentication, routing, body framing). */
  public static Problem of(String code, String message) {
    return new Problem(code, message, null, null);
  }
}
