package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.kirincontract.mock.control.Scenario;
import io.kirincontract.mock.control.ScenarioHeader;
import io.kirincontract.mock.lifecycle.internal.Lifecycle;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.internal.TaskRenderer;
import io.kirincontract.mock.tasks.internal.TaskStore;
import io.kirincontract.mock.problems.Problem;
import io.kirincontract.mock.validation.internal.RequestValidator;
import io.kirincontract.mock.validation.internal.ValidatedRequest;

/** The task endpoints: parse, call the domain, render. */
final class TaskHandlers {

  private final JsonBodyReader bodies;
  private final RequestValidator validator;
  private final Lifecycle lifecycle;
  private final TaskRenderer renderer = new TaskRenderer();
  private final LargeBodyGate largeBodies = LargeBodyGate.forThisMachine();

  TaskHandlers(JsonBodyReader bodies, RequestValidator validator, Lifecycle lifecycle) {
    this.bodies = bodies;
    this.validator = validator;
    this.lifecycle = lifecycle;
  }

  void create(Context ctx) {
    String header = ctx.header(ScenarioHeader.NAME);
    Scenario scenario = header == null ? null : ScenarioHeader.parse(header);
    Task task;
    try (LargeBodyGate.Pass pass = largeBodies.enter(ctx.req().getContentLengthLong())) {
      ValidatedRequest request = validator.validate(bodies.read(ctx));
      task = lifecycle.submit(Authenticator.tenant(ctx), request, scenario);
    }
    ctx.attribute(JournalRecorder.TASK, task);
    JsonResponses.write(ctx, 200, renderer.bytesOfNew(task));
  }

  void get(Context ctx) {
    String id = ctx.pathParam("task_id");
    String tenant = Authenticator.tenant(ctx);
    Task task =
        lifecycle.find(tenant, id)
            .orElseThrow(() -> notFound("task " + id, lifecycle.store().wasEvicted(tenant, id)));
    ctx.attribute(JournalRecorder.TASK, task);
    JsonResponses.write(ctx, 200, renderer.bytes(task));
  }

  void getByExternalId(Context ctx) {
    String id = ctx.pathParam("external_task_id");
    String tenant = Authenticator.tenant(ctx);
    Task task =
        lifecycle.findByExternalId(tenant, id)
            .orElseThrow(
                () ->
                    notFound(
                        "task with external_task_id " + id,
                        lifecycle.store().wasEvictedByExternalId(tenant, id)));
    ctx.attribute(JournalRecorder.TASK, task);
    JsonResponses.write(ctx, 200, renderer.bytes(task));
  }

  private ApiException notFound(String what, boolean evicted) {
    if (evicted) {
      TaskStore store = lifecycle.store();
      return new ApiException(Problem.of(
              "task_not_found",
              what
                  + " was evicted: the mock keeps at most "
                  + store.maxTasksPerKey()
                  + " tasks per API key (--max-tasks-per-key) and "
                  + store.maxTasks()
                  + " in all (--max-tasks), evicting the oldest finished ones beyond"));
    }
    return new ApiException(Problem.of("task_not_found", "no " + what + " for this API key"));
  }
}
