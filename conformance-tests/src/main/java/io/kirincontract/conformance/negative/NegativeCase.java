package io.kirincontract.conformance.negative;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.conformance.cases.CaseNames;

/**
 * A request that breaks exactly one JSON Schema constraint of a model's request schema, and the answer the spec
 * asks for: {@code 400} naming the field, with the field's code and the derived rule id.
 *
 * @param model the model id
 * @param keyword the JSON Schema keyword broken ({@code maxLength}, {@code required}, ...)
 * @param path the field as a dotted JSON path without indexes ({@code multi_prompt.duration})
 * @param param the field where the request breaks it ({@code multi_prompt[0].duration})
 * @param description what the request does
 * @param request the whole request body (fixtures resolved)
 * @param code the expected {@code error.code}
 * @param rule the expected {@code error.rule}, the derived per-field rule id
 */
public record NegativeCase(
    String model,
    String keyword,
    String path,
    String param,
    String description,
    JsonNode request,
    String code,
    String rule) {

  public ConstraintKind kind() {
    return ConstraintKind.of(keyword);
  }

  public String displayName() {
    return CaseNames.of(rule, model, "negative", description);
  }
}
