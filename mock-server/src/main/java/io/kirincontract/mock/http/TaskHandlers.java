package io.kirincontract.mock.http;

import io.javalin.http.Context;
import io.kirincontract.mock.tasks.Task;
import io.kirincontract.mock.tasks.TaskFactory;
import io.kirincontract.mock.tasks.TaskRenderer;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.validation.Problem;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.mock.validation.ValidatedRequest;

/** The task endpoints: parse, call the domain, render. */
final class TaskHandlers {

  private final JsonBodyReader bodies;
  private final RequestValidator validator;
  private final TaskFactory factory;
  private final TaskStore store;
  private final TaskRenderer renderer;

  TaskHandlers(
      JsonBodyReader bodies,
      RequestValidator validator,
      TaskFactory factory,
      TaskStore store,
      TaskRenderer renderer) {
    this.bodies = bodies;
    this.validator = validator;
    this.factory = factory;
    this.store = store;
    this.renderer = renderer;
  }

  void create(Context ctx) {
    ValidatedRequest request = validator.validate(bodies.read(ctx));
    Task task = store.add(factory.create(Authenticator.tenant(ctx), request));
    JsonResponses.write(ctx, 200, renderer.render(task));
  }

  void get(Context ctx) {
    String id = ctx.pathParam("task_id");
    Task task = store.find(Authenticator.tenant(ctx), id).orElseThrow(() -> notFound("task " + id));
    JsonResponses.write(ctx, 200, renderer.render(task));
  }

  void getByExternalId(Context ctx) {
    String id = ctx.pathParam("external_task_id");
    Task task =
        store.findByExternalId(Authenticator.tenant(ctx), id)
            .orElseThrow(() -> notFound("task with external_task_id " + id));
    JsonResponses.write(ctx, 200, renderer.render(task));
  }

  private static ApiException notFound(String what) {
    return new ApiException(404, Problem.of("task_not_found", "no " + what + " for this API key"));
  }
}
