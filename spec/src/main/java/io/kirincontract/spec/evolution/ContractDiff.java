package io.kirincontract.spec.evolution;

import io.kirincontract.spec.KirinSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Every change between two versions of the contract: the schema changes openapi-diff finds (paths, parameters,
 * request and response bodies), then the changes of the {@code x-kirin-rules} and {@code x-kirin-error-catalog}
 * extensions, which it does not read. A change that shows in several operations (one schema used by three
 * responses) is one entry naming them all.
 */
public final class ContractDiff {

  private ContractDiff() {}

  /** The changes from {@code before} to {@code after}, both spec texts; empty when they say the same. */
  public static List<ContractChange> between(String before, String after) {
    List<ContractChange> changes = new ArrayList<>();
    ChangedOpenApi diff = OpenApiCompare.fromContents(before, after);
    new OperationChanges(changes).walk(diff);
    if (diff.isIncompatible() && changes.stream().noneMatch(ContractChange::isBreaking)) {
      changes.add(ContractChange.breaking("paths", "", "openapi-diff finds an incompatible change it does not locate",
          "compare the two specs with openapi-diff's own report"));
    }
    KirinSpec old = KirinSpec.parse(before);
    KirinSpec now = KirinSpec.parse(after);
    changes.addAll(RuleChanges.between(old.rules(), now.rules()));
    changes.addAll(ErrorCatalogChanges.between(old.errorCatalog(), now.errorCatalog()));
    return merged(changes);
  }

  /** One entry per change, listing every place it shows in; breaking changes first. */
  private static List<ContractChange> merged(List<ContractChange> changes) {
    Map<List<Object>, List<String>> places = new LinkedHashMap<>();
    for (ContractChange change : changes) {
      List<Object> key = List.of(change.compatibility(), change.field(), change.what(), change.action());
      List<String> where = places.computeIfAbsent(key, ignored -> new ArrayList<>());
      if (!where.contains(change.where())) {
        where.add(change.where());
      }
    }
    List<ContractChange> result = new ArrayList<>();
    places.forEach((key, where) -> result.add(new ContractChange((Compatibility) key.get(0), String.join("; ", where),
        (String) key.get(1), (String) key.get(2), (String) key.get(3))));
    result.sort((a, b) -> a.compatibility().compareTo(b.compatibility()));
    return List.copyOf(result);
  }
}
