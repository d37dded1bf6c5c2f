package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.kirincontract.mock.admin.AdminTask;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.admin.TaskQuery;
import io.kirincontract.mock.admin.CallbackDelivery;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.control.ScenarioRule;
import io.kirincontract.mock.tasks.NoSuchTaskException;
import io.kirincontract.mock.tasks.TaskStatus;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Duration;
import java.util.List;

/** The admin endpoints ({@code /__admin/...}): parse, call {@link MockAdmin}, render with {@link AdminJson}. */
final class AdminHandlers {

  private static final int DEFAULT_DELIVERIES = 1_000;

  private final MockAdmin admin;
  private final JsonBodyReader bodies;
  private final AdminJson json = new AdminJson();

  AdminHandlers(MockAdmin admin, JsonBodyReader bodies) {
    this.admin = admin;
    this.bodies = bodies;
  }

  void listTasks(Context ctx) {
    TaskQuery query =
        new TaskQuery(
            ctx.queryParam("key"),
            ctx.queryParam("model"),
            query(ctx, "status") == null ? null : status(query(ctx, "status")),
            intQuery(ctx, "offset", 0),
            intQuery(ctx, "limit", TaskQuery.DEFAULT_LIMIT));
    List<AdminTask> tasks = admin.tasks(query);
    ok(ctx, json.tasks(tasks, admin.taskCount(), admin.maxTasks(), admin.evictedTasks()));
  }

  void getTask(Context ctx) {
    String id = ctx.pathParam("task_id");
    ok(ctx, json.task(admin.task(id).orElseThrow(() -> new NoSuchTaskException(id))));
  }

  void deleteTask(Context ctx) {
    String id = ctx.pathParam("task_id");
    if (!admin.deleteTask(id)) {
      throw new NoSuchTaskException(id);
    }
    ok(ctx, json.message("deleted", id));
  }

  void failTask(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "code", "stage");
    TaskStatus stage = body.stage("stage").orElse(TaskStatus.PROCESSING);
    ok(ctx, json.task(admin.failTask(ctx.pathParam("task_id"), body.text("code").orElse(null), stage)));
  }

  void holdTask(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "status");
    TaskStatus status = body.stage("status").orElseThrow(() -> missing("status", "queued or processing"));
    ok(ctx, json.task(admin.holdTask(ctx.pathParam("task_id"), status)));
  }

  void releaseTask(Context ctx) {
    AdminBody.read(bodies, ctx);
    ok(ctx, json.task(admin.releaseTask(ctx.pathParam("task_id"))));
  }

  void setTaskDuration(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "duration");
    Duration duration = body.duration("duration").orElseThrow(() -> missing("duration", "such as PT20S"));
    ok(ctx, json.task(admin.setTaskDuration(ctx.pathParam("task_id"), duration)));
  }

  void listScenarios(Context ctx) {
    ok(ctx, json.rules(admin.scenarios()));
  }

  void addScenario(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "model", "key", "count", "scenario");
    String scenario = body.text("scenario").orElseThrow(() -> missing("scenario", "such as fail=default@processing"));
    int count = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, body.integer("count").orElse(1L)));
    ScenarioRule rule =
        new ScenarioRule(
            body.text("model").orElse(null),
            body.text("key").orElse(null),
            count,
            ScenarioHeader.parse(scenario, "scenario"));
    JsonResponses.write(ctx, 201, json.rule(admin.addScenario(rule)));
  }

  void removeScenario(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("scenario_id"));
    } catch (NumberFormatException e) {
      throw new InvalidControlException("a scenario id is a number", "scenario_id");
    }
    if (!admin.removeScenario(id)) {
      throw new ApiException(Problem.of("scenario_not_found", "no scenario rule " + id + "; GET /__admin/scenarios lists them"));
    }
    ok(ctx, json.message("deleted", Long.toString(id)));
  }

  void clearScenarios(Context ctx) {
    admin.clearScenarios();
    ok(ctx, json.rules(admin.scenarios()));
  }

  void getLimits(Context ctx) {
    String key = ctx.queryParam("key");
    ok(ctx, json.limits(admin.maxRunningTasks(), key, key == null ? null : admin.unfinishedTasks(key)));
  }

  void setLimits(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "max_running_tasks");
    long limit = body.integer("max_running_tasks").orElseThrow(() -> missing("max_running_tasks", "0 for none"));
    if (limit < 0 || limit > Integer.MAX_VALUE) {
      throw new InvalidControlException("max_running_tasks must be 0 (no limit) or more", "max_running_tasks");
    }
    admin.maxRunningTasks((int) limit);
    ok(ctx, json.limits(admin.maxRunningTasks(), null, null));
  }

  void getFaults(Context ctx) {
    ok(ctx, json.faults(admin.faults()));
  }

  void setFaults(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "latency", "latency_share", "error_share", "error_status", "seed");
    Duration latency = body.duration("latency").orElse(Duration.ZERO);
    FaultSettings settings =
        new FaultSettings(
            latency,
            body.number("latency_share").orElse(latency.isZero() ? 0.0 : 1.0),
            body.number("error_share").orElse(0.0),
            (int) (long) body.integer("error_status").orElse(503L),
            body.integer("seed").orElse(0L));
    admin.faults(settings);
    ok(ctx, json.faults(admin.faults()));
  }

  void clearFaults(Context ctx) {
    admin.clearFaults();
    ok(ctx, json.faults(admin.faults()));
  }

  void getClock(Context ctx) {
    ok(ctx, json.clock(admin.clock(), admin.pendingTransitions()));
  }

  void advanceClock(Context ctx) {
    AdminBody body = AdminBody.read(bodies, ctx, "duration");
    admin.advanceClock(body.duration("duration").orElseThrow(() -> missing("duration", "such as PT5S")));
    ok(ctx, json.clock(admin.clock(), admin.pendingTransitions()));
  }

  void callbacks(Context ctx) {
    String taskId = ctx.queryParam("task_id");
    String key = ctx.queryParam("key");
    int limit = intQuery(ctx, "limit", DEFAULT_DELIVERIES);
    if (limit < 1) {
      throw new InvalidControlException("limit must be at least 1", "limit");
    }
    String keyId = KeyId.of(key);
    List<CallbackDelivery> matching =
        admin.callbacks(taskId).stream().filter(delivery -> keyId == null || keyId.equals(delivery.keyId())).toList();
    List<CallbackDelivery> newest = matching.subList(Math.max(0, matching.size() - limit), matching.size());
    ok(ctx, json.callbacks(admin.callbackStats(), newest));
  }

  void reset(Context ctx) {
    AdminBody.read(bodies, ctx);
    admin.reset();
    ok(ctx, json.message("status", "reset"));
  }

  private static String query(Context ctx, String name) {
    return ctx.queryParam(name);
  }

  private static int intQuery(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidControlException(name + " must be a whole number, not " + value, name);
    }
  }

  private static TaskStatus status(String value) {
    return TaskStatus.fromWire(value)
        .orElseThrow(
            () -> new InvalidControlException(
                "status must be queued, processing, completed or failed, not " + value, "status"));
  }

  private static InvalidControlException missing(String field, String hint) {
    return new InvalidControlException(field + " is required (" + hint + ")", field);
  }

  private static void ok(Context ctx, JsonNode body) {
    JsonResponses.write(ctx, 200, body);
  }
}
