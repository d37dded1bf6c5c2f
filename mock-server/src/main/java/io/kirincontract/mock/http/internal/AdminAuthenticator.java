package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kirincontract.mock.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * With {@code --admin-token}, the admin endpoints need {@code Authorization: Bearer <admin token>}; without it (the
 * default) they are open to anyone who can reach the port.
 */
final class AdminAuthenticator implements Handler {

  private final byte[] token;

  AdminAuthenticator(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void handle(Context ctx) {
    String header = ctx.header("Authorization");
    String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
    if (!MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
      throw new ApiException(Problem.of("unauthorized", "the admin API needs Authorization: Bearer <admin token> (--admin-token)"));
    }
  }
}
