package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.kirincontract.mock.journal.internal.KeyIds;
import io.kirincontract.mock.stubs.Stub;
import io.kirincontract.mock.stubs.StubAnswer;
import io.kirincontract.mock.stubs.StubFault;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.spec.ErrorCodeDef;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Applies the armed stubs to API requests, after authentication: the first stub that matches takes the request. Its
 * delay is waited out (in real time, on the request's thread, as the HTTP faults' latency); then its answer is sent
 * instead of the mock's, or the connection is closed at once ({@code reset}), or the mock answers and the answer is
 * lost or cut ({@link #afterHandler}).
 */
final class StubFilter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final StubRegistry stubs;
  private final JsonBodyReader bodies;
  private final KirinSpec spec;
  private final JournalRecorder journal;
  private final KeyIds keyIds = new KeyIds();

  StubFilter(StubRegistry stubs, JsonBodyReader bodies, KirinSpec spec, JournalRecorder journal) {
    this.stubs = stubs;
    this.bodies = bodies;
    this.spec = spec;
    this.journal = journal;
  }

  /** Before the route: finds the request's stub, if any, and applies it. */
  void handle(Context ctx) {
    if (stubs.isEmpty()) {
      return;
    }
    JsonNode tree = null;
    if (stubs.needsBody() && ctx.req().getContentLengthLong() != 0) {
      try {
        tree = bodies.read(ctx);
      } catch (RuntimeException e) {
        tree = null; // the route refuses the body as usual
      }
    }
    String model = text(tree, "model");
    Optional<StubRegistry.Armed> taken =
        stubs.take(ctx.method().name(), ctx.path(), keyIds.of(Authenticator.tenant(ctx)), model, tree);
    if (taken.isEmpty()) {
      return;
    }
    Stub stub = taken.get().stub();
    ctx.attribute(JournalRecorder.STUB, taken.get().id());
    if (stub.delay() != null) {
      FaultFilter.pause(stub.delay());
    }
    if (stub.fault() == StubFault.RESET) {
      ctx.attribute(JournalRecorder.FAULT, StubFault.RESET.wireName());
      ctx.skipRemainingHandlers();
      journal.answeredNow(ctx);
      Connections.close(ctx);
    } else if (stub.fault() != null) {
      ctx.attribute(JournalRecorder.FAULT, stub.fault().wireName());
    } else if (stub.answer() != null) {
      answer(ctx, taken.get().id(), stub.answer(), model != null ? model : bodies.peekModel(ctx).orElse(null));
      ctx.skipRemainingHandlers();
    }
  }

  /** After the route: loses or cuts the answer when the request's stub says so. */
  void afterHandler(Context ctx) {
    String fault = ctx.attribute(JournalRecorder.FAULT);
    if (fault == null || fault.equals(StubFault.RESET.wireName())) {
      return;
    }
    journal.answeredNow(ctx);
    if (fault.equals(StubFault.LOST_ANSWER.wireName())) {
      Connections.close(ctx);
      return;
    }
    byte[] body = result(ctx);
    try {
      ctx.res().setStatus(ctx.statusCode());
      ctx.res().setContentType("application/json");
      ctx.res().setContentLengthLong(body.length);
      OutputStream out = ctx.res().getOutputStream();
      out.write(body, 0, body.length / 2);
      out.flush();
    } catch (IOException e) {
      // the client is gone already: nothing more to cut
    } finally {
      Connections.close(ctx);
    }
  }

  private void answer(Context ctx, String stubId, StubAnswer answer, String model) {
    answer.headers().forEach(ctx::header);
    if (answer.body() != null) {
      try {
        ctx.status(answer.status()).contentType("application/json").result(JSON.writeValueAsBytes(answer.body()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    if (answer.status() < 400) {
      ctx.status(answer.status()).result(new byte[0]);
      return;
    }
    Problem problem = problem(answer.status(), model, stubId);
    ctx.attribute(JournalRecorder.PROBLEM, problem);
    JsonResponses.write(ctx, answer.status(), ErrorEnvelope.bytes(List.of(problem)));
  }

  /**
   * The envelope of a stubbed error: the model's own code for the status (from the error catalog) when its documents
   * give one, else the project's code for it; a status the catalog has no code for gets {@code invalid_parameter}
   * (4xx) or {@code internal_error} (5xx).
   */
  Problem problem(int status, String model, String stubId) {
    ErrorCodeDef chosen = null;
    for (ErrorCodeDef def : spec.errorCatalog()) {
      if (!"request".equals(def.kind()) || def.status() == null || def.status() != status) {
        continue;
      }
      if (model != null && def.models().contains(model)) {
        chosen = def;
        break;
      }
      if (def.models().isEmpty() && chosen == null) {
        chosen = def;
      }
    }
    String code = chosen != null ? chosen.code() : status >= 500 ? "internal_error" : "invalid_parameter";
    String message = chosen != null && chosen.message() != null ? chosen.message() : "HTTP " + status;
    return Problem.of(code, message + " (answered by " + stubId + ", armed through /__admin/stubs)");
  }

  private static byte[] result(Context ctx) {
    try (InputStream in = ctx.resultInputStream()) {
      return in == null ? new byte[0] : in.readAllBytes();
    } catch (IOException e) {
      return new byte[0];
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
