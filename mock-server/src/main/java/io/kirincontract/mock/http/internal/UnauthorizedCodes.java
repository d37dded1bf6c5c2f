package io.kirincontract.mock.http.internal;

import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The code a refused create gets when its key is missing or wrong, per model, from the spec's error catalogue: a
 * model whose documents give a {@code 401} code of their own ({@code kirin_v2_1_master_i2v}: {@code 8002009006},
 * "JWT authentication failed") gets it; the others get the project's {@code unauthorized}. Read once, when the spec
 * is.
 */
final class UnauthorizedCodes {

  private final Map<String, ErrorCodeDef> byModel = new HashMap<>();

  UnauthorizedCodes(KirinSpec spec) {
    for (ErrorCodeDef def : spec.errorCatalog()) {
      if (def.isSeed() && "request".equals(def.kind()) && Integer.valueOf(401).equals(def.status())) {
        def.models().forEach(model -> byModel.putIfAbsent(model, def));
      }
    }
  }

  /** The model's own code for a refused key, if its documents give one. */
  Optional<ErrorCodeDef> forModel(String model) {
    return Optional.ofNullable(model == null ? null : byModel.get(model));
  }
}
