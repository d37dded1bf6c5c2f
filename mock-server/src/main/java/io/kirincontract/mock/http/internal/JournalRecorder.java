package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.journal.internal.BodySummary;
import io.kirincontract.mock.journal.internal.KeyIds;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.problems.Problem;
import java.io.IOException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Writes each API request's journal entry once, when it has been answered: from what the handlers left on the request
 * (the parsed body, the task, the problem the error mapper answered with, the stub), never serialising a body again
 * (see {@link BodySummary}). Requests Jetty refuses before Javalin sees them (a body over the limit) are recorded from
 * {@link #refusedEarly}.
 */
final class JournalRecorder {

  /** The request's {@link RequestJournal.Ticket}, given on arrival. */
  static final String TICKET = "kirin.journal.ticket";

  /** The {@link Problem} the request was refused with. */
  static final String PROBLEM = "kirin.journal.problem";

  /** The {@link Task} the request created or read. */
  static final String TASK = "kirin.journal.task";

  /** The id of the stub that answered. */
  static final String STUB = "kirin.journal.stub";

  /** The stub fault that hit the answer ({@code lost_answer}, ...). */
  static final String FAULT = "kirin.journal.fault";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final RequestJournal journal;
  private final KeyIds keyIds = new KeyIds();

  JournalRecorder(RequestJournal journal) {
    this.journal = journal;
  }

  RequestJournal journal() {
    return journal;
  }

  /** On arrival of an API request: its number and time. */
  void arrive(Context ctx) {
    RequestJournal.Ticket ticket = journal.arrive();
    if (ticket != null) {
      ctx.attribute(TICKET, ticket);
    }
  }

  /** Once answered. */
  void answered(Context ctx, Float ms) {
    RequestJournal.Ticket ticket = ctx.attribute(TICKET);
    if (ticket == null) {
      return;
    }
    String tenant = Authenticator.tenant(ctx);
    String key = tenant != null ? tenant : Authenticator.bearerKey(ctx.header("Authorization"));
    Problem problem = ctx.attribute(PROBLEM);
    Task task = ctx.attribute(TASK);
    String fault = ctx.attribute(FAULT);
    byte[] bytes = JsonBodyReader.bytesIfRead(ctx);
    JsonNode tree = JsonBodyReader.parsedOrNull(ctx);
    boolean notJson = problem != null && problem.code().equals("invalid_json");
    if (bytes == null && !notJson) {
      bytes = unreadBody(ctx);
    }
    if (tree == null && bytes != null && bytes.length > 0 && !notJson) {
      tree = parse(bytes);
    }
    RecordedRequest.Builder entry =
        new RecordedRequest.Builder()
            .request(ctx.method().name(), ctx.path())
            .keyId(keyIds.of(key))
            .headers(
                ctx.header("Content-Type"),
                ctx.header("User-Agent"),
                ctx.header(ScenarioHeader.NAME),
                ctx.header("Idempotency-Key"))
            .body(BodySummary.of(bytes, tree, tree == null))
            .answer(
                "reset".equals(fault) ? 0 : ctx.statusCode(),
                problem == null ? null : problem.code(),
                problem == null ? null : problem.rule())
            .stub(ctx.attribute(STUB), fault)
            .elapsedMs(ms == null ? 0 : Math.round(ms * 100.0) / 100.0);
    if (task != null) {
      entry.model(task.model()).externalTaskId(task.externalTaskId()).taskId(task.id());
      if (ctx.attribute(STUB) == null && !"reset".equals(fault)) {
        entry.taskStatus(task.status().wireName());
      }
    } else {
      entry.model(text(tree, "model")).externalTaskId(text(tree, "external_task_id"));
      java.util.Map<String, String> params =
          ctx.method() == io.javalin.http.HandlerType.GET ? pathParams(ctx) : java.util.Map.of();
      entry.taskId(params.get("task_id"));
      String external = params.get("external_task_id");
      if (external != null) {
        entry.externalTaskId(external);
      }
    }
    journal.record(ticket, entry);
  }

  /**
   * Records the request now, before its connection is closed under it (the stub faults): a client that sees the
   * connection end must find the entry in the journal. The request log hook then has nothing left to record.
   */
  void answeredNow(Context ctx) {
    RequestJournal.Ticket ticket = ctx.attribute(TICKET);
    if (ticket == null) {
      return;
    }
    answered(ctx, (float) ticket.elapsedMs());
    ctx.attribute(TICKET, null);
  }

  /** A request Jetty refused before it reached a route (its body is over the limit). */
  void refusedEarly(Request request, int status, Problem problem) {
    String path = Request.getPathInContext(request);
    if (!path.startsWith(BeforeFilters.API_PREFIX)) {
      return;
    }
    RequestJournal.Ticket ticket = journal.arrive();
    if (ticket == null) {
      return;
    }
    RecordedRequest.Builder entry =
        new RecordedRequest.Builder()
            .request(request.getMethod(), path)
            .keyId(keyIds.of(Authenticator.bearerKey(request.getHeaders().get(HttpHeader.AUTHORIZATION))))
            .headers(
                request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                request.getHeaders().get(HttpHeader.USER_AGENT),
                request.getHeaders().get(ScenarioHeader.NAME),
                request.getHeaders().get("Idempotency-Key"))
            .answer(status, problem.code(), problem.rule());
    journal.record(ticket, entry);
  }

  /**
   * The body of a request refused before it was read (a missing key): read now if it is small and already here (every
   * body up to {@link JettyHandlers#EAGER_BYTES} arrives before the request is handled), else not kept.
   */
  private static byte[] unreadBody(Context ctx) {
    long length = ctx.req().getContentLengthLong();
    if (length <= 0 || length > JettyHandlers.EAGER_BYTES) {
      return null;
    }
    try {
      return ctx.req().getInputStream().readNBytes((int) length);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The route's path parameters; none when no route matched (an unknown path under /v1/). */
  private static java.util.Map<String, String> pathParams(Context ctx) {
    try {
      return ctx.pathParamMap();
    } catch (RuntimeException e) {
      return java.util.Map.of();
    }
  }

  private static JsonNode parse(byte[] bytes) {
    try {
      JsonNode node = JSON.readTree(bytes);
      return node == null || node.isMissingNode() ? null : node;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode tree, String field) {
    if (tree == null || !tree.isObject()) {
      return null;
    }
    JsonNode value = tree.get(field);
    return value != null && value.isTextual() ? value.textValue() : null;
  }
}
