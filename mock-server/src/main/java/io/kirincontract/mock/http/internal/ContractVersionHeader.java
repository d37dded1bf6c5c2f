package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;

/**
 * {@value #NAME}: the contract version the mock enforces ({@code info.version} of the spec it bundles), on every
 * answer. Jetty puts it on each response before any handler runs, so that routes, errors, 404s and the refusals of
 * Jetty itself all carry it; the version is known once the spec has been read at start.
 */
final class ContractVersionHeader implements HttpConfiguration.Customizer {

  /** The header's name. */
  public static final String NAME = "X-Kirin-Contract-Version";

  private volatile String version;

  /** Called once the spec has been read. */
  void version(String version) {
    this.version = version;
  }

  @Override
  public Request customize(Request request, HttpFields.Mutable responseHeaders) {
    String known = version;
    if (known != null) {
      responseHeaders.put(NAME, known);
    }
    return request;
  }

  /** Sets the header on a response that does not carry it yet (a request that arrived while the spec was read). */
  void ensure(Context ctx) {
    String known = version;
    if (known != null && ctx.res().getHeader(NAME) == null) {
      ctx.header(NAME, known);
    }
  }

  /** Sets the header on an answer Jetty writes itself after clearing the response. */
  void ensure(HttpFields.Mutable responseHeaders) {
    String known = version;
    if (known != null) {
      responseHeaders.put(NAME, known);
    }
  }
}
