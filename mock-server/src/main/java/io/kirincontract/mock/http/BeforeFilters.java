package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.function.Supplier;

/**
 * What runs before every route, as one handler: the start gate (nothing is answered before the runtime is built),
 * then for API paths the journal's number, the HTTP faults, the API key and the stubs, for admin paths the admin token
 * when one is set. One handler
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
  private final Handler adminAuthenticator;
  private final JournalRecorder journal;

  /**
   * @param adminAuthenticator checks the admin token, or {@code null} when the admin API is open
   * @param journal gives each API request its journal number on arrival
   */
  BeforeFilters(
      Supplier<HttpApp.Wiring> wiring, Handler authenticator, Handler adminAuthenticator, JournalRecorder journal) {
    this.wiring = wiring;
    this.authenticator = authenticator;
    this.adminAuthenticator = adminAuthenticator;
    this.journal = journal;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    HttpApp.Wiring handlers = wiring.get();
    String path = ctx.path();
    if (path.startsWith(API_PREFIX)) {
      journal.arrive(ctx);
      handlers.faults().handle(ctx);
      authenticator.handle(ctx);
      handlers.stubs().handle(ctx);
    } else if (adminAuthenticator != null && path.startsWith(ADMIN_PREFIX)) {
      adminAuthenticator.handle(ctx);
    }
  }
}
