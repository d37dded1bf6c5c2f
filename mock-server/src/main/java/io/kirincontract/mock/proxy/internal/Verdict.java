package io.kirincontract.mock.proxy.internal;

/**
 * An answer reduced to what the judge compares: status, {@code error.code}, {@code error.rule}.
 *
 * @param code {@code null} when accepted
 * @param rule the rule id the refusal names, or {@code null}
 */
public record Verdict(int status, String code, String rule) {

  public static Verdict accepted() {
    return new Verdict(200, null, null);
  }

  public boolean isAccepted() {
    return status >= 200 && status <= 299;
  }
}
