package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Supplier;

/**
 * What runs before every route, as one handler: the start gate (nothing is answered before the runtime is built),
 * then for API paths the HTTP faults and the API key, for admin paths the {@link AdminGuard} (Host, admin token when
 * one is set, JSON content type on writes). One handler
 * with prefix checks instead of one path-matched before-handler each: Javalin matches every before-handler's path
 * pattern on every request.
 */
final class BeforeFilters implements Handler {

  /** Paths under this prefix need {@code Authorization: Bearer <key>}; HTTP faults apply to them. */
  static final String API_PREFIX = "/v1/";

  /** The admin API. */
  static final String ADMIN_PREFIX = "/__admin/";

  private final Supplier<HttpApp.Wiring> wiring;
  private final Handler authenticator;
  private final Handler adminGuard;

  BeforeFilters(Supplier<HttpApp.Wiring> wiring, Handler authenticator, Handler adminGuard) {
    this.wiring = wiring;
    this.authenticator = authenticator;
    this.adminGuard = adminGuard;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    HttpApp.Wiring handlers = wiring.get();
    String path = ctx.path();
    if (path.startsWith(API_PREFIX)) {
      handlers.faults().handle(ctx);
      authenticator.handle(ctx);
    } else if (path.startsWith(ADMIN_PREFIX) || path.equals("/__admin")) {
      adminGuard.handle(ctx);
    }
  }
}
