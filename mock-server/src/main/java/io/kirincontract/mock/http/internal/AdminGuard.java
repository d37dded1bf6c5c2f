package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.kirincontract.mock.problems.Problem;
import java.util.Locale;

/**
 * What every admin request must show before its handler runs, in one place for every route under {@code /__admin/}
 * (ones added later included): a {@code Host} that names this mock ({@link HostCheck}: {@code 403
 * host_not_allowed}), the admin token when one is set ({@code 401}), and for writes ({@code POST}, {@code PUT},
 * {@code PATCH}, {@code DELETE}) {@code Content-Type: application/json} ({@code 415}), even with no body. A web page
 * can send a {@code text/plain} or form {@code POST} to any origin without asking, but not an {@code
 * application/json} one: the browser asks first (a CORS preflight), and the mock never says yes.
 */
final class AdminGuard implements Handler {

  private final HostCheck hosts;
  private final Handler token;

  /**
   * @param token checks the admin token, or {@code null} when the admin API is open
   */
  AdminGuard(HostCheck hosts, Handler token) {
    this.hosts = hosts;
    this.token = token;
  }

  @Override
  public void handle(Context ctx) throws Exception {
    String host = ctx.header("Host");
    if (!hosts.allows(host)) {
      throw new ApiException(Problem.of(
              "host_not_allowed",
              "the admin API does not answer to Host "
                  + host
                  + " (a guard against DNS rebinding); use an IP address or one of "
                  + String.join(", ", hosts.names().stream().sorted().toList())
                  + ", or start the mock with --allowed-hosts "
                  + HostCheck.nameOf(host)));
    }
    if (token != null) {
      token.handle(ctx);
    }
    if (isWrite(ctx.method()) && !isJson(ctx.contentType())) {
      String sent = ctx.contentType();
      throw new ApiException(Problem.of(
              "unsupported_media_type",
              "admin writes need Content-Type: application/json, even with no body"
                  + (sent == null ? " (no Content-Type was sent)" : " (got " + sent + ")")
                  + "; a web page cannot send that to another origin without the browser asking first"));
    }
  }

  private static boolean isWrite(HandlerType method) {
    return method == HandlerType.POST
        || method == HandlerType.PUT
        || method == HandlerType.PATCH
        || method == HandlerType.DELETE;
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals("application/json");
  }
}
