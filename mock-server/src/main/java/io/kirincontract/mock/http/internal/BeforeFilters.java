package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kirincontract.mock.problems.Problem;
import java.util.function.Supplier;

/**
 * What runs before every route, as one handler: the start gate (nothing is answered before the runtime is built),
 * then for API paths the journal's number, the HTTP faults, the API key and the stubs, for admin paths the {@link
 * AdminGuard} (Host, admin token when one is set, JSON content type on writes). One handler
 * with prefix checks instead of one path-matched before-handler each: Javalin matches every before-handler's path
 * pattern on every request.
 */
final class BeforeFilters implements Handler {

  /** Paths under this prefix need {@code Authorization: Bearer <key>}; HTTP faults apply to them. */
  static final String API_PREFIX = "/v1/";

  /** The admin API. */
  static final String ADMIN_PREFIX = "/__admin/";

  private final Supplier<HttpApp.Wiring> wiring;
  private final ContractVersionHeader versionHeader;
  private final Handler authenticator;
  private final Handler adminGuard;
  private final JournalRecorder journal;

  /**
   * @param versionHeader the contract version, for requests that arrived before it was known
   * @param adminGuard checks Host, the admin token and the content type of writes on admin paths
   * @param journal gives each API request its journal number on arrival
   */
  BeforeFilters(
      Supplier<HttpApp.Wiring> wiring,
      ContractVersionHeader versionHeader,
      Handler authenticator,
      Handler adminGuard,
      JournalRecorder journal) {
    this.wiring = wiring;
    this.versionHeader = versionHeader;
    this.authenticator = authenticator;
    this.adminGuard = adminGuard;
    this.journal = journal;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    HttpApp.Wiring handlers = wiring.get();
    versionHeader.ensure(ctx);
    String path = ctx.path();
    if (path.indexOf('%') >= 0 && !wellEscaped(path)) {
      // a path parameter with a broken escape (such as "%H]") cannot name anything; Javalin would fail decoding it
      throw new ApiException(Problem.of("route_not_found", "no endpoint at " + path + ": a '%' in a path must start an escape such as %20"));
    }
    if (path.startsWith(API_PREFIX)) {
      journal.arrive(ctx);
      if (handlers.proxy() != null) {
        handlers.proxy().handle(ctx); // with --proxy-to the upstream answers every API request
        return;
      }
      handlers.faults().handle(ctx);
      authenticator.handle(ctx);
      handlers.stubs().handle(ctx);
    } else if (path.startsWith(ADMIN_PREFIX) || path.equals("/__admin")) {
      adminGuard.handle(ctx);
    }
  }

  /** Whether every {@code %} of the path starts a two-hex-digit escape. */
  static boolean wellEscaped(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length() || Character.digit(path.charAt(i + 1), 16) < 0 || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
