package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.problems.ProblemException;
import io.kirincontract.spec.KirinSpec;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every {@link ProblemException} leaves as the error envelope of its problems with the
 * status the spec's error catalogue gives its code ({@code x-kirin-error-catalog}, or {@code
 * x-kirin-admin-error-catalog} for the admin API's own codes), and the framework's errors as theirs. Anything
 * unexpected, a code in no catalogue included, is a 500 {@code internal_error} with a reference to the log line; no
 * stack trace reaches a client.
 */
final class ErrorMapper implements ExceptionHandler<Exception> {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private final KirinSpec spec;
  private final long maxBodySize;

  ErrorMapper(KirinSpec spec, long maxBodySize) {
    this.spec = spec;
    this.maxBodySize = maxBodySize;
  }

  @Override
  public void handle(Exception exception, Context ctx) {
    if (exception instanceof ProblemException error && spec.status(error.code()).isPresent()) {
      error.headers().forEach(ctx::header);
      respond(ctx, spec.status(error.code()).orElseThrow(), error.problems());
    } else if (exception instanceof HttpResponseException http) {
      respond(ctx, http.getStatus(), List.of(framework(ctx, http.getStatus())));
    } else {
      String reference = UUID.randomUUID().toString().substring(0, 8);
      LOG.error("internal error {} on {} {}", reference, ctx.method(), ctx.path(), exception);
      respond(
          ctx,
          500,
          List.of(
              Problem.of(
                  "internal_error", "internal error; the server log has the details (reference " + reference + ")")));
    }
  }

  /** Errors Javalin raises itself: no route, wrong method, body over the limit. */
  private Problem framework(Context ctx, int status) {
    return switch (status) {
      case 404 -> Problem.of("route_not_found", "no endpoint at " + ctx.path() + "; see /openapi.yaml");
      case 405 ->
          Problem.of("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path() + "; see /openapi.yaml");
      case 413 -> Problem.of("payload_too_large", "the body is over the limit of " + maxBodySize + " bytes");
      default -> Problem.of(status >= 500 ? "internal_error" : "invalid_parameter", "HTTP " + status);
    };
  }

  private static void respond(Context ctx, int status, List<Problem> problems) {
    ctx.attribute(JournalRecorder.PROBLEM, problems.get(0));
    JsonResponses.write(ctx, status, ErrorEnvelope.bytes(problems));
  }
}
