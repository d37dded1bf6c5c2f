package io.kirincontract.spec;

import java.util.List;
import java.util.Map;

/**
 * One entry of the spec's {@code x-kirin-rules}: a rule that JSON Schema cannot express.
 *
 * @param id stable rule id, for example {@code v3.multi-shot.durations-sum}
 * @param models the model ids the rule applies to
 * @param params the parameters the rule reads (dotted JSON paths without indexes)
 * @param text what the rule says, for people
 * @param code the error code returned when the rule rejects a request; {@code null} for {@code ignore} rules
 * @param status the HTTP status of that rejection; {@code null} for {@code ignore} rules
 * @param effect whether a broken rule rejects the request or ignores parameters
 * @param mode when the rule is enforced
 * @param source {@code seed} (stated by the provider's documents) or {@code reading} (the project's reading)
 * @param limits the rule's parameters ({@code min-side: 300}), by name; {@code {name}} in the spec's text is
 *     replaced by the value, so the text and the check read one number
 */
public record RuleDef(
    String id,
    List<String> models,
    List<String> params,
    String text,
    String code,
    Integer status,
    Effect effect,
    Mode mode,
    String source,
    Map<String, String> limits) {

  public RuleDef {
    models = List.copyOf(models);
    params = List.copyOf(params);
    limits = Map.copyOf(limits);
  }

  /** A limit of the rule as a number. */
  public double limit(String name) {
    String value = limits.get(name);
    if (value == null) {
      throw new KirinSpecException("rule " + id + " has no limit " + name);
    }
    return Double.parseDouble(value);
  }

  /** Whether the rule concerns the given model id. */
  public boolean appliesTo(String modelId) {
    return models.contains(modelId);
  }

  /** What a rule does when its condition holds. */
  public enum Effect {
    /** The request is refused with the rule's code and status. */
    REJECT,
    /** The named parameters are ignored and listed in {@code metadata.ignored_params}. */
    IGNORE
  }

  /** When a rule is enforced. */
  public enum Mode {
    /** Always enforced. */
    DEFAULT,
    /** A warning in the task's {@code metadata.warnings}, or a rejection when the server runs strict. */
    STRICT,
    /** Enforced only when the server is given a subject library. */
    LIBRARY
  }
}
