package io.kirincontract.spec;

import java.util.List;

/**
 * One entry of the spec's {@code x-kirin-error-catalog}.
 *
 * @param code the error code as sent in {@code error.code}
 * @param models the models whose documents give this code; empty for project codes
 * @param source {@code seed} or {@code project}
 * @param kind {@code request} (rejected at once), {@code generation} (the task ends failed) or {@code none}
 * @param status the HTTP status for {@code request} codes, else {@code null}
 * @param message the short description
 * @param meaning when the code is used
 */
public record ErrorCodeDef(
    String code,
    List<String> models,
    String source,
    String kind,
    Integer status,
    String message,
    String meaning) {

  public ErrorCodeDef {
    models = List.copyOf(models);
  }

  public boolean isSeed() {
    return "seed".equals(source);
  }
}
