package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.journal.internal.JournalJson;
import io.kirincontract.mock.journal.internal.MatcherJson;
import io.kirincontract.mock.journal.RecordedRequest;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.journal.internal.RequestMatcher;
import io.kirincontract.mock.stubs.internal.StubJson;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.util.internal.KeyId;
import io.kirincontract.mock.problems.Problem;
import java.util.List;
import java.util.function.Predicate;

/** The journal and stub endpoints ({@code /__admin/requests}, {@code /__admin/stubs}): parse, call, render. */
final class JournalHandlers {

  static final int DEFAULT_LIMIT = 100;

  private final MockAdmin admin;
  private final JsonBodyReader bodies;

  JournalHandlers(MockAdmin admin, JsonBodyReader bodies) {
    this.admin = admin;
    this.bodies = bodies;
  }

  void list(Context ctx) {
    RequestJournal journal = admin.journal();
    long since = longQuery(ctx, "since", 0);
    int limit = (int) longQuery(ctx, "limit", DEFAULT_LIMIT);
    if (limit < 1 || limit > RequestJournal.MAX_LIMIT) {
      throw new InvalidControlException("limit must be 1 to " + RequestJournal.MAX_LIMIT + ", not " + limit, "limit");
    }
    String key = ctx.queryParam("key");
    String keyId = key == null ? null : KeyId.of(key);
    String model = ctx.queryParam("model");
    Integer status = ctx.queryParam("status") == null ? null : (int) longQuery(ctx, "status", 0);
    Predicate<RecordedRequest> filter =
        entry ->
            (keyId == null || keyId.equals(entry.keyId()))
                && (model == null || model.equals(entry.model()))
                && (status == null || status == entry.status());
    long total = journal.total();
    long dropped = journal.dropped();
    List<RecordedRequest> entries = journal.entries(since, filter, limit);
    JsonResponses.write(ctx, 200, JournalJson.listing(entries, total, dropped));
  }

  void count(Context ctx) {
    RequestMatcher matcher = matcher(ctx);
    JsonResponses.write(ctx, 200, JsonNodeFactory.instance.objectNode().put("count", admin.journal().count(matcher)));
  }

  void find(Context ctx) {
    RequestMatcher matcher = matcher(ctx);
    JsonResponses.write(ctx, 200, JournalJson.found(admin.journal().find(matcher)));
  }

  void clear(Context ctx) {
    admin.clearRequests();
    JsonResponses.write(ctx, 200, JsonNodeFactory.instance.objectNode().put("status", "cleared"));
  }

  void addStub(Context ctx) {
    String id = admin.stub(StubJson.read(body(ctx)));
    JsonResponses.write(ctx, 201, JsonNodeFactory.instance.objectNode().put("id", id));
  }

  void listStubs(Context ctx) {
    JsonResponses.write(ctx, 200, stubs(admin.stubs()));
  }

  void clearStubs(Context ctx) {
    admin.clearStubs();
    JsonResponses.write(ctx, 200, stubs(admin.stubs()));
  }

  void removeStub(Context ctx) {
    String id = ctx.pathParam("stub_id");
    if (!admin.removeStub(id)) {
      throw new ApiException(Problem.of("stub_not_found", "no stub " + id + "; GET /__admin/stubs lists them"));
    }
    JsonResponses.write(ctx, 200, JsonNodeFactory.instance.objectNode().put("deleted", id));
  }

  private static ObjectNode stubs(List<StubRegistry.Armed> armed) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    ArrayNode list = node.putArray("stubs");
    armed.forEach(stub -> list.add(StubJson.write(stub)));
    return node;
  }

  private RequestMatcher matcher(Context ctx) {
    return MatcherJson.read(body(ctx), "");
  }

  /** The JSON body; an empty one is {@code {}}. */
  private JsonNode body(Context ctx) {
    return JsonBodyReader.bytes(ctx).length == 0 ? JsonNodeFactory.instance.objectNode() : bodies.read(ctx);
  }

  private static long longQuery(Context ctx, String name, long fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidControlException(name + " must be a whole number, not " + value, name);
    }
  }
}
