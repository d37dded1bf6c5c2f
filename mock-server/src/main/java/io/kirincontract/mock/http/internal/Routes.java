package io.kirincontract.mock.http.internal;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.function.Supplier;

/** Every endpoint of the mock in one table: method, path, handler. Handlers stay thin; logic lives elsewhere. */
final class Routes {

  /** Who may call a route. */
  enum Access {
    /** Anyone: health, spec, docs, result files (their URL holds an unguessable token). */
    OPEN,
    /** {@code Authorization: Bearer <API key>}; each key is a tenant. */
    API_KEY,
    /** Anyone by default; {@code Authorization: Bearer <admin token>} with {@code --admin-token}. */
    ADMIN
  }

  /** One row of the table. */
  record Route(HandlerType method, String path, Handler handler, Access access) {}

  private Routes() {}

  /**
   * The table, the task endpoints first (Javalin tries a method's routes in this order, matching each path pattern
   * until one fits). Each handler is looked up in {@code wiring} when a request comes (the handlers are made once the
   * server's runtime is built, which may be after the routes are registered).
   */
  static List<Route> table(Supplier<HttpApp.Wiring> wiring) {
    return List.of(
        new Route(HandlerType.POST, "/v1/videos/generations", ctx -> wiring.get().tasks().create(ctx), Access.API_KEY),
        new Route(HandlerType.GET, "/v1/videos/generations/{task_id}", ctx -> wiring.get().tasks().get(ctx), Access.API_KEY),
        new Route(
            HandlerType.GET,
            "/v1/videos/generations/external/{external_task_id}",
            ctx -> wiring.get().tasks().getByExternalId(ctx),
            Access.API_KEY),
        new Route(HandlerType.GET, "/health", ctx -> wiring.get().meta().health(ctx), Access.OPEN),
        new Route(HandlerType.GET, "/openapi.yaml", ctx -> wiring.get().meta().openApi(ctx), Access.OPEN),
        new Route(HandlerType.GET, "/docs", ctx -> wiring.get().docs().page(ctx), Access.OPEN),
        new Route(HandlerType.GET, "/docs/{asset}", ctx -> wiring.get().docs().asset(ctx), Access.OPEN),
        new Route(HandlerType.GET, "/files/{task_id}/{token}/{file}", ctx -> wiring.get().files().download(ctx), Access.OPEN),
        new Route(HandlerType.GET, "/__admin/tasks", ctx -> wiring.get().admin().listTasks(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/tasks/{task_id}", ctx -> wiring.get().admin().getTask(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/tasks/{task_id}", ctx -> wiring.get().admin().deleteTask(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/fail", ctx -> wiring.get().admin().failTask(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/hold", ctx -> wiring.get().admin().holdTask(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/release", ctx -> wiring.get().admin().releaseTask(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/duration", ctx -> wiring.get().admin().setTaskDuration(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/scenarios", ctx -> wiring.get().admin().listScenarios(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/scenarios", ctx -> wiring.get().admin().addScenario(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/scenarios", ctx -> wiring.get().admin().clearScenarios(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/scenarios/{scenario_id}", ctx -> wiring.get().admin().removeScenario(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/limits", ctx -> wiring.get().admin().getLimits(ctx), Access.ADMIN),
        new Route(HandlerType.PUT, "/__admin/limits", ctx -> wiring.get().admin().setLimits(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/faults", ctx -> wiring.get().admin().getFaults(ctx), Access.ADMIN),
        new Route(HandlerType.PUT, "/__admin/faults", ctx -> wiring.get().admin().setFaults(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/faults", ctx -> wiring.get().admin().clearFaults(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/clock", ctx -> wiring.get().admin().getClock(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/clock/advance", ctx -> wiring.get().admin().advanceClock(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/callbacks", ctx -> wiring.get().admin().callbacks(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/reset", ctx -> wiring.get().admin().reset(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/requests", ctx -> wiring.get().journal().list(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/requests/count", ctx -> wiring.get().journal().count(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/requests/find", ctx -> wiring.get().journal().find(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/requests", ctx -> wiring.get().journal().clear(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/stubs", ctx -> wiring.get().journal().listStubs(ctx), Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/stubs", ctx -> wiring.get().journal().addStub(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/stubs", ctx -> wiring.get().journal().clearStubs(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/stubs/{stub_id}", ctx -> wiring.get().journal().removeStub(ctx), Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/drift", ctx -> wiring.get().drift().get(ctx), Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/drift", ctx -> wiring.get().drift().clear(ctx), Access.ADMIN));
  }
}
