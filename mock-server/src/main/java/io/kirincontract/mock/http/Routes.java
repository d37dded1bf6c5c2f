package io.kirincontract.mock.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;

/** Every endpoint of the mock in one table: method, path, handler. Handlers stay thin; logic lives elsewhere. */
final class Routes {

  /** One row of the table; {@code open} routes need no API key. */
  record Route(HandlerType method, String path, Handler handler, boolean open) {}

  /** Paths under this prefix need {@code Authorization: Bearer <key>}. */
  static final String API_PREFIX = "/v1/*";

  private Routes() {}

  static List<Route> table(TaskHandlers tasks, MetaHandlers meta) {
    return List.of(
        new Route(HandlerType.GET, "/health", meta::health, true),
        new Route(HandlerType.GET, "/openapi.yaml", meta::openApi, true),
        new Route(HandlerType.POST, "/v1/videos/generations", tasks::create, false),
        new Route(HandlerType.GET, "/v1/videos/generations/{task_id}", tasks::get, false),
        new Route(
            HandlerType.GET,
            "/v1/videos/generations/external/{external_task_id}",
            tasks::getByExternalId,
            false));
  }
}
