package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.kirincontract.mock.proxy.internal.DriftProxy;
import io.kirincontract.mock.problems.Problem;

/** {@code GET /__admin/drift} (the findings, DESIGN §7) and {@code DELETE /__admin/drift} (start afresh). */
final class DriftHandlers {

  private final DriftProxy proxy;

  /** @param proxy the proxy, or {@code null} when the mock is not one */
  DriftHandlers(DriftProxy proxy) {
    this.proxy = proxy;
  }

  void get(Context ctx) {
    JsonResponses.write(ctx, 200, proxy().watch().json());
  }

  void clear(Context ctx) {
    proxy().watch().reset();
    JsonResponses.write(ctx, 200, proxy.watch().json());
  }

  private DriftProxy proxy() {
    if (proxy == null) {
      throw new ApiException(
          Problem.of(
              "route_not_found",
              "the drift watch runs only when the mock is a proxy: start it with --proxy-to URL"
                  + " (embedded: config.proxyTo(URI)); see docs/drift-watch.md"));
    }
    return proxy;
  }
}
