package io.kirincontract.mock.http.internal;

import io.kirincontract.mock.problems.Problem;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error responses in the error envelope: requests Jetty refuses before they reach a route (a malformed
 * request line or header, a bad {@code Content-Length}, headers or URI too long) got an HTML page from Jetty's
 * default handler, whatever the method. Jetty answers a request line without an HTTP/1.x version (HTTP/0.9, a
 * method or path with a space in it) with {@code 505}, and a transfer coding it does not implement with {@code
 * 501}: both are the client's malformed request, so they are {@code 400} here (a 5xx is kept for the server's own
 * faults, and tells clients to retry).
 */
final class JettyErrors extends ErrorHandler {

  private final long maxBodySize;
  private final ContractVersionHeader versionHeader;

  JettyErrors(long maxBodySize, ContractVersionHeader versionHeader) {
    this.maxBodySize = maxBodySize;
    this.versionHeader = versionHeader;
  }

  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  @Override
  protected void generateResponse(
      Request request, Response response, int code, String message, Throwable cause, Callback callback) {
    int status = code == 501 || code == 505 ? 400 : code;
    byte[] body = ErrorEnvelope.bytes(List.of(problem(status, message)));
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
    versionHeader.ensure(response.getHeaders());
    if (status == 503) {
      response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
    }
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  private Problem problem(int status, String reason) {
    String why = reason == null || reason.isBlank() ? "HTTP " + status : reason;
    return switch (status) {
      case 413 -> Problem.of("payload_too_large", "the body is over the limit of " + maxBodySize + " bytes");
      case 404 -> Problem.of("route_not_found", "no endpoint here; see /openapi.yaml");
      case 503 -> Problem.of("service_unavailable", why); // the budget of request bytes in flight is full
      default ->
          Problem.of(
              status >= 500 ? "internal_error" : "invalid_parameter",
              "the HTTP request cannot be read (" + why + "); send a well-formed HTTP/1.1 request");
    };
  }
}
