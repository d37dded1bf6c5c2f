package io.kirincontract.spec.evolution;

import io.kirincontract.spec.ErrorCodeDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classifies changes of {@code x-kirin-error-catalog}: a code added is compatible; a code removed, or changed in
 * what a client acts on (its HTTP status, its kind, the models it comes for) is breaking; a changed description is
 * compatible.
 */
final class ErrorCatalogChanges {

  static final String WHERE = "x-kirin-error-catalog";

  private ErrorCatalogChanges() {}

  static List<ContractChange> between(List<ErrorCodeDef> before, List<ErrorCodeDef> after) {
    Map<String, ErrorCodeDef> old = byCode(before);
    Map<String, ErrorCodeDef> now = byCode(after);
    List<ContractChange> changes = new ArrayList<>();
    now.values().stream().filter(code -> !old.containsKey(code.code())).forEach(code ->
        changes.add(ContractChange.compatible(WHERE, code.code(), "code added (" + describe(code) + ")",
            "handle " + code.code() + " where you handle errors" + forModels(code))));
    old.values().stream().filter(code -> !now.containsKey(code.code())).forEach(code ->
        changes.add(ContractChange.breaking(WHERE, code.code(), "code removed (" + describe(code) + ")",
            "stop expecting " + code.code() + "; the failure it named now comes with another code")));
    now.values().stream().filter(code -> old.containsKey(code.code()))
        .forEach(code -> changed(old.get(code.code()), code, changes));
    return changes;
  }

  private static void changed(ErrorCodeDef was, ErrorCodeDef is, List<ContractChange> changes) {
    String code = is.code();
    if (!Objects.equals(was.status(), is.status())) {
      changes.add(ContractChange.breaking(WHERE, code, "HTTP status changed from " + was.status() + " to "
          + is.status(), "expect " + code + " with status " + is.status()));
    }
    if (!was.kind().equals(is.kind())) {
      changes.add(ContractChange.breaking(WHERE, code, "kind changed from " + was.kind() + " to " + is.kind(),
          is.kind().equals("generation") ? "expect " + code + " in a failed task's error, not as a refusal"
              : "expect " + code + " as " + is.kind() + " error"));
    }
    List<String> added = is.models().stream().filter(model -> !was.models().contains(model)).toList();
    List<String> removed = was.models().stream().filter(model -> !is.models().contains(model)).toList();
    if (!added.isEmpty()) {
      changes.add(ContractChange.compatible(WHERE, code, "now also for " + String.join(", ", added),
          "handle " + code + " for " + String.join(", ", added)));
    }
    if (!removed.isEmpty()) {
      changes.add(ContractChange.breaking(WHERE, code, "no longer for " + String.join(", ", removed),
          "stop expecting " + code + " from " + String.join(", ", removed)));
    }
    if (!was.source().equals(is.source())) {
      changes.add(ContractChange.compatible(WHERE, code, "source changed from " + was.source() + " to "
          + is.source(), "nothing"));
    }
    if (!was.message().equals(is.message()) || !Objects.equals(was.meaning(), is.meaning())) {
      changes.add(ContractChange.compatible(WHERE, code, "description changed: " + is.message(), "nothing"));
    }
  }

  private static String describe(ErrorCodeDef code) {
    return code.kind() + (code.status() == null ? "" : ", status " + code.status()) + ": " + code.message();
  }

  private static String forModels(ErrorCodeDef code) {
    return code.models().isEmpty() ? "" : " for " + String.join(", ", code.models());
  }

  private static Map<String, ErrorCodeDef> byCode(List<ErrorCodeDef> codes) {
    return codes.stream()
        .collect(Collectors.toMap(ErrorCodeDef::code, Function.identity(), (a, b) -> b, LinkedHashMap::new));
  }
}
