package io.kirincontract.mock.tasks.internal;

import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The codes a task's model answers with after validation, read from the spec's {@code x-kirin-error-catalog}: its
 * generation-failure codes ({@code kind: generation}; the first one is the default failure) and its "task resource
 * insufficient" code for {@code 429} (the model's own seed code, else the project code).
 */
public final class ModelCodes {

  private final Map<String, List<String>> generationCodes = new LinkedHashMap<>();
  private final Map<String, String> messages = new LinkedHashMap<>();
  private final Map<String, String> tooManyTasks = new LinkedHashMap<>();

  public ModelCodes(KirinSpec spec) {
    String projectTooMany = null;
    for (ErrorCodeDef def : spec.errorCatalog()) {
      messages.put(def.code(), def.message());
      if ("generation".equals(def.kind())) {
        def.models().forEach(model -> generationCodes.computeIfAbsent(model, m -> new ArrayList<>()).add(def.code()));
      }
      if (def.status() != null && def.status() == 429) {
        if (def.models().isEmpty()) {
          projectTooMany = def.code();
        } else {
          def.models().forEach(model -> tooManyTasks.put(model, def.code()));
        }
      }
    }
    for (String model : spec.modelIds()) {
      if (!generationCodes.containsKey(model)) {
        throw new IllegalStateException("the error catalog gives no generation-failure code for " + model);
      }
      if (!tooManyTasks.containsKey(model)) {
        if (projectTooMany == null) {
          throw new IllegalStateException("the error catalog gives no 429 code for " + model);
        }
        tooManyTasks.put(model, projectTooMany);
      }
    }
  }

  /** The model's generation-failure codes, in catalog order. */
  public List<String> generationCodes(String model) {
    return List.copyOf(generationCodes.getOrDefault(model, List.of()));
  }

  /** The code a task of this model fails with when none is chosen: its first generation code. */
  public String defaultFailure(String model) {
    return generationCodes(model).get(0);
  }

  public boolean isGenerationCode(String model, String code) {
    return generationCodes.getOrDefault(model, List.of()).contains(code);
  }

  /** The models that list {@code code} as a generation-failure code. */
  public Set<String> modelsFailingWith(String code) {
    Set<String> models = new LinkedHashSet<>();
    generationCodes.forEach((model, codes) -> {
      if (codes.contains(code)) {
        models.add(model);
      }
    });
    return models;
  }

  /** Every model with generation codes, and its codes (for error messages). */
  public Map<String, List<String>> all() {
    return Map.copyOf(generationCodes);
  }

  /** The catalog's message for a code ("Internal generation error"). */
  public Optional<String> message(String code) {
    return Optional.ofNullable(messages.get(code));
  }

  /** The code of a {@code 429} for too many unfinished tasks of this model's key. */
  public String tooManyTasks(String model) {
    return tooManyTasks.get(model);
  }

  /** The catalog instance of {@code code}, so that stored tasks share one string; the code itself if unknown. */
  public String canonical(String code) {
    for (Map.Entry<String, String> entry : messages.entrySet()) {
      if (entry.getKey().equals(code)) {
        return entry.getKey();
      }
    }
    return code;
  }
}
