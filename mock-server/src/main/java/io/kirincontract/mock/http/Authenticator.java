package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.kirincontract.mock.validation.Problem;
import java.util.Set;

/**
 * Checks {@code Authorization: Bearer <key>} on the API endpoints and records the key as the request's tenant. With
 * no configured keys any non-empty key is accepted. A refused create request for {@code kirin_v2_1_master_i2v}
 * gets that model's seed code {@code 8002009006}.
 */
final class Authenticator implements Handler {

  static final String TENANT = "kirin.tenant";
  private static final String JWT_MODEL = "kirin_v2_1_master_i2v";
  private static final String CREATE_PATH = "/v1/videos/generations";

  private final Set<String> apiKeys;
  private final JsonBodyReader bodies;

  Authenticator(Set<String> apiKeys, JsonBodyReader bodies) {
    this.apiKeys = Set.copyOf(apiKeys);
    this.bodies = bodies;
  }

  static String tenant(Context ctx) {
    return ctx.attribute(TENANT);
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    String key = bearerKey(header);
    if (key != null && (apiKeys.isEmpty() || apiKeys.contains(key))) {
      ctx.attribute(TENANT, key);
      return;
    }
    String reason =
        header == null
            ? "no Authorization header was sent"
            : key == null ? "the Authorization header is not \"Bearer <API key>\"" : "the API key is not accepted";
    if (ctx.method() == HandlerType.POST
        && CREATE_PATH.equals(ctx.path())
        && bodies.peekModel(ctx).filter(JWT_MODEL::equals).isPresent()) {
      throw new ApiException(401, Problem.of("8002009006", "JWT authentication failed: " + reason));
    }
    throw new ApiException(401, Problem.of("unauthorized", "send Authorization: Bearer <API key>; " + reason));
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
