package io.kirincontract.mock.admin;

import io.kirincontract.mock.control.Scenario;
import java.util.Set;

/**
 * A scenario rule as the admin API lists it ({@code GET /__admin/scenarios}).
 *
 * @param model the model it applies to, or {@code null} for any
 * @param keyId the id of the key it applies to, or {@code null} for any
 * @param count how many tasks it was given for
 * @param remaining how many of those are left
 * @param models the models it can apply to
 */
public record AdminScenario(
    long id, String model, String keyId, int count, int remaining, Scenario scenario, Set<String> models) {

  public AdminScenario {
    models = Set.copyOf(models);
  }
}
