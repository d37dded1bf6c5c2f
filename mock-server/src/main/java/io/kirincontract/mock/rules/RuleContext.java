package io.kirincontract.mock.rules;

import io.kirincontract.mock.rules.media.MediaInspections;
import java.util.Optional;

/**
 * What a rule may read: the model, the request, its media (inspected on demand, once) and the subject library.
 *
 * @param typed the request bound to its generated model class, or {@code null} when binding failed
 */
public record RuleContext(
    String model,
    RequestView request,
    Object typed,
    MediaInspections media,
    Optional<ElementLibrary> library) {}
