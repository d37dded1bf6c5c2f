package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HttpResponseException;
import io.kirincontract.mock.control.ControlConflictException;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.TooManyTasksException;
import io.kirincontract.mock.tasks.ExternalTaskIdConflictException;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.StoreFullException;
import io.kirincontract.mock.tasks.TaskStateException;
import io.kirincontract.mock.validation.InvalidRequestException;
import io.kirincontract.mock.validation.Problem;
import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one exception mapper: every exception, ours or the framework's, leaves as the error envelope with the
 * status the error catalog gives its code (admin-only codes, such as {@code task_state_conflict}, are listed in
 * {@code docs/mock-lifecycle.md}). Anything unexpected is a 500 {@code internal_error} with a reference
 * to the log line; no stack trace reaches a client.
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
    if (exception instanceof InvalidRequestException invalid) {
      List<Problem> problems = invalid.problems();
      respond(ctx, status(problems.get(0).code(), 400), problems);
    } else if (exception instanceof ApiException api) {
      api.headers().forEach(ctx::header);
      respond(ctx, api.status(), List.of(api.problem()));
    } else if (exception instanceof ExternalTaskIdConflictException conflict) {
      respond(ctx, 409, List.of(new Problem("external_task_id_conflict", conflict.getMessage(), "external_task_id", null)));
    } else if (exception instanceof InvalidControlException invalid) {
      respond(ctx, 400, List.of(new Problem("invalid_parameter", invalid.getMessage(), invalid.param(), null)));
    } else if (exception instanceof TooManyTasksException tooMany) {
      ctx.header("Retry-After", Long.toString(tooMany.retryAfterSeconds()));
      respond(ctx, 429, List.of(Problem.of(tooMany.code(), tooMany.getMessage())));
    } else if (exception instanceof StoreFullException full) {
      ctx.header("Retry-After", "1");
      respond(ctx, 503, List.of(Problem.of("service_unavailable", full.getMessage())));
    } else if (exception instanceof NoSuchTaskException missing) {
      respond(ctx, 404, List.of(Problem.of("task_not_found", "no task " + missing.taskId())));
    } else if (exception instanceof TaskStateException state) {
      respond(ctx, 409, List.of(Problem.of("task_state_conflict", state.getMessage())));
    } else if (exception instanceof ControlConflictException conflict) {
      respond(ctx, 409, List.of(Problem.of(conflict.code(), conflict.getMessage())));
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

  private int status(String code, int fallback) {
    return spec.errorCode(code).map(ErrorCodeDef::status).orElse(fallback);
  }

  private static void respond(Context ctx, int status, List<Problem> problems) {
    ctx.attribute(JournalRecorder.PROBLEM, problems.get(0));
    JsonResponses.write(ctx, status, ErrorEnvelope.of(problems));
  }
}
