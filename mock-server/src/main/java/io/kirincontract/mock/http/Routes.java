package io.kirincontract.mock.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/** Every endpoint of the mock in one table: method, path, handler. Handlers stay thin; logic lives elsewhere. */
final class Routes {

  /** Who may call a route. */
  enum Access {
    /** Anyone: health, spec, result files (their URL holds an unguessable token). */
    OPEN,
    /** {@code Authorization: Bearer <API key>}; each key is a tenant. */
    API_KEY,
    /** Anyone by default; {@code Authorization: Bearer <admin token>} with {@code --admin-token}. */
    ADMIN
  }

  /** One row of the table. */
  record Route(HandlerType method, String path, Handler handler, Access access) {}

  /** Paths under this prefix need {@code Authorization: Bearer <key>}; HTTP faults apply to them. */
  static final String API_PREFIX = "/v1/*";

  /** The admin API. */
  static final String ADMIN_PREFIX = "/__admin/*";

  private Routes() {}

  static List<Route> table(TaskHandlers tasks, MetaHandlers meta, FileHandlers files, AdminHandlers admin) {
    return List.of(
        new Route(HandlerType.GET, "/health", meta::health, Access.OPEN),
        new Route(HandlerType.GET, "/openapi.yaml", meta::openApi, Access.OPEN),
        new Route(HandlerType.GET, "/files/{task_id}/{token}/{file}", files::download, Access.OPEN),
        new Route(HandlerType.POST, "/v1/videos/generations", tasks::create, Access.API_KEY),
        new Route(HandlerType.GET, "/v1/videos/generations/{task_id}", tasks::get, Access.API_KEY),
        new Route(
            HandlerType.GET,
            "/v1/videos/generations/external/{external_task_id}",
            tasks::getByExternalId,
            Access.API_KEY),
        new Route(HandlerType.GET, "/__admin/tasks", admin::listTasks, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/tasks/{task_id}", admin::getTask, Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/tasks/{task_id}", admin::deleteTask, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/fail", admin::failTask, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/hold", admin::holdTask, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/release", admin::releaseTask, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/tasks/{task_id}/duration", admin::setTaskDuration, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/scenarios", admin::listScenarios, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/scenarios", admin::addScenario, Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/scenarios", admin::clearScenarios, Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/scenarios/{scenario_id}", admin::removeScenario, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/limits", admin::getLimits, Access.ADMIN),
        new Route(HandlerType.PUT, "/__admin/limits", admin::setLimits, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/faults", admin::getFaults, Access.ADMIN),
        new Route(HandlerType.PUT, "/__admin/faults", admin::setFaults, Access.ADMIN),
        new Route(HandlerType.DELETE, "/__admin/faults", admin::clearFaults, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/clock", admin::getClock, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/clock/advance", admin::advanceClock, Access.ADMIN),
        new Route(HandlerType.GET, "/__admin/callbacks", admin::callbacks, Access.ADMIN),
        new Route(HandlerType.POST, "/__admin/reset", admin::reset, Access.ADMIN));
  }
}
