package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.ErrorCodeDef;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks {@code Authorization: Bearer <key>} on the API endpoints and records the key as the request's tenant. With
 * no configured keys any non-empty key of at most {@link MockConfig#MAX_API_KEY_LENGTH} characters is accepted (a
 * key is kept with each of its tasks: 7 KB keys cost 15 KB per task before the cap). A refused create request of a
 * model whose documents give a 401 code of their own gets it ({@link UnauthorizedCodes}, from the error catalogue).
 */
final class Authenticator implements Handler {

  static final String TENANT = "kirin.tenant";
  private static final String CREATE_PATH = "/v1/videos/generations";

  private final Set<String> apiKeys;
  private final JsonBodyReader bodies;
  private final Supplier<UnauthorizedCodes> modelCodes;

  /** @param modelCodes the models' own codes, read from the spec once the runtime is built */
  Authenticator(Set<String> apiKeys, JsonBodyReader bodies, Supplier<UnauthorizedCodes> modelCodes) {
    this.apiKeys = Set.copyOf(apiKeys);
    this.bodies = bodies;
    this.modelCodes = modelCodes;
  }

  static String tenant(Context ctx) {
    return ctx.attribute(TENANT);
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    String key = bearerKey(header);
    boolean tooLong = key != null && key.length() > MockConfig.MAX_API_KEY_LENGTH;
    if (key != null && !tooLong && (apiKeys.isEmpty() || apiKeys.contains(key))) {
      ctx.attribute(TENANT, key);
      return;
    }
    String reason =
        header == null
            ? "no Authorization header was sent"
            : key == null
                ? "the Authorization header is not \"Bearer <API key>\""
                : tooLong
                    ? "the API key has "
                        + key.length()
                        + " characters; keys are at most "
                        + MockConfig.MAX_API_KEY_LENGTH
                    : "the API key is not accepted";
    if (ctx.method() == HandlerType.POST && CREATE_PATH.equals(ctx.path())) {
      Optional<ErrorCodeDef> own = bodies.peekModel(ctx).flatMap(model -> modelCodes.get().forModel(model));
      if (own.isPresent()) {
        throw new ApiException(Problem.of(own.get().code(), own.get().message() + ": " + reason));
      }
    }
    throw new ApiException(Problem.of("unauthorized", "send Authorization: Bearer <API key>; " + reason));
  }

  /** The key of {@code Authorization: Bearer <key>}, or null when the header is absent or of another form. */
  static String bearerKey(String header) {
    if (header == null) {
      return null;
    }
    String value = header.strip();
    int space = 0;
    while (space < value.length() && !Character.isWhitespace(value.charAt(space))) {
      space++;
    }
    if (!value.substring(0, space).equalsIgnoreCase("Bearer")) {
      return null;
    }
    String key = value.substring(space).strip();
    return key.isEmpty() ? null : key;
  }
}
