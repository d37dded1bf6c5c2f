package io.kirincontract.mock.rules.internal;

import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.mock.rules.internal.media.MediaInspections;
import io.kirincontract.spec.ModelProfile;
import java.util.Optional;

/**
 * What a rule may read: the model's profile, the request, its media (inspected on demand, once) and the subject
 * library.
 */
public record RuleContext(
    ModelProfile profile,
    RequestView request,
    MediaInspections media,
    Optional<ElementLibrary> library) {

  /** The model id. */
  public String model() {
    return profile.modelId();
  }
}
