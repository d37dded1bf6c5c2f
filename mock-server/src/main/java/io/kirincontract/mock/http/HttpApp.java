package io.kirincontract.mock.http;

import io.javalin.Javalin;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.EndpointNotFound;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.tasks.TaskFactory;
import io.kirincontract.mock.tasks.TaskRenderer;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.spec.KirinSpec;

/** Puts the HTTP layer together: routes, authentication, the exception mapper, the request log, limits. */
public final class HttpApp {

  private HttpApp() {}

  public static Javalin create(
      MockConfig config, KirinSpec spec, RequestValidator validator, TaskStore store, TaskFactory factory) {
    JsonBodyReader bodies = new JsonBodyReader(config.maxBodySize());
    TaskHandlers tasks = new TaskHandlers(bodies, validator, factory, store, new TaskRenderer());
    MetaHandlers meta = new MetaHandlers(spec.yaml());
    Authenticator authenticator = new Authenticator(config.apiKeys(), bodies);
    ErrorMapper errors = new ErrorMapper(spec, config.maxBodySize());
    return Javalin.create(
        javalin -> {
          javalin.startup.showJavalinBanner = false;
          javalin.startup.showOldJavalinVersionWarning = false;
          javalin.http.maxRequestSize = config.maxBodySize();
          javalin.http.prefer405over404 = true;
          javalin.jetty.host = config.host();
          javalin.jetty.port = config.port();
          javalin.requestLogger.http(new RequestLog());
          javalin.routes.exception(Exception.class, errors);
          // Javalin's own responses use its mapper unless their exact class has a handler.
          javalin.routes.exception(HttpResponseException.class, errors);
          javalin.routes.exception(EndpointNotFound.class, errors);
          javalin.routes.exception(NotFoundResponse.class, errors);
          javalin.routes.exception(MethodNotAllowedResponse.class, errors);
          javalin.routes.exception(ContentTooLargeResponse.class, errors);
          javalin.routes.before(Routes.API_PREFIX, authenticator);
          for (Routes.Route route : Routes.table(tasks, meta)) {
            javalin.routes.addHttpHandler(route.method(), route.path(), route.handler());
          }
        });
  }
}
