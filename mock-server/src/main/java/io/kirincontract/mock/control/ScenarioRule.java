package io.kirincontract.mock.control;

/**
 * An admin rule: the next {@code count} tasks created that match {@code model} and/or {@code key} follow {@code
 * scenario}. A {@code null} model or key matches any.
 *
 * @param model a model id, or {@code null} for any model (a failure code given then limits the rule to the models
 *     that list the code)
 * @param key an API key, or {@code null} for any key
 * @param count how many tasks the rule applies to, at least 1
 */
public record ScenarioRule(String model, String key, int count, Scenario scenario) {

  public ScenarioRule {
    if (count < 1) {
      throw new InvalidControlException("count must be at least 1, not " + count, "count");
    }
    if (scenario == null || scenario.isNone()) {
      throw new InvalidControlException("a rule needs fail, hold or duration", "scenario");
    }
  }

  /** A rule for the next task of any model and key. */
  public static ScenarioRule next(Scenario scenario) {
    return new ScenarioRule(null, null, 1, scenario);
  }
}
