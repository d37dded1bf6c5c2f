package io.kirincontract.mock.http.internal;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.ContentTooLargeResponse;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import io.javalin.router.EndpointNotFound;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.control.internal.FaultInjector;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.lifecycle.internal.Lifecycle;
import io.kirincontract.mock.proxy.internal.DriftProxy;
import io.kirincontract.mock.results.internal.ResultFiles;
import io.kirincontract.mock.results.internal.ResultVideos;
import io.kirincontract.mock.stubs.StubRegistry;
import io.kirincontract.mock.validation.internal.RequestValidator;
import io.kirincontract.spec.KirinSpec;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Puts the HTTP layer together: routes, HTTP faults, authentication (API keys, admin token), the exception mapper,
 * the request log, limits.
 */
public final class HttpApp {

  /**
   * The buffer Javalin copies each response body through, allocated per response. Javalin's default is Jetty's output
   * buffer size, 32 KiB: under load that was most of what the server allocated, and the young collections it caused
   * paused every request in flight. At 4 KiB it was still the largest allocation of a create (the collector's cycles
   * come with the bytes allocated); the API's answers are 200 bytes to about 1 KiB (a task, an error envelope), so
   * they pass in one copy. Larger bodies are copied in several passes into Jetty's own buffer, which aggregates them.
   */
  static final int RESPONSE_COPY_BUFFER = 1024;

  /**
   * Answers are sent as they are, whatever {@code Accept-Encoding} asks: no compressor. Javalin compresses a body
   * only when its first write reaches 1,500 bytes, and bodies reach it in writes of {@link #RESPONSE_COPY_BUFFER}, so
   * its default gzip never applied; it only looked at each answer's content type against ten excluded types, half a
   * microsecond per request. JSON is named as allowed so that this look ends at once; with no compressor, nothing is
   * compressed either way.
   */
  static CompressionStrategy identityOnly() {
    CompressionStrategy identity = new CompressionStrategy();
    identity.setAllowedMimeTypes(List.of("application/json"));
    return identity;
  }

  private HttpApp() {}

  /** What the HTTP layer serves. */
  public record Services(
      RequestValidator validator,
      Lifecycle lifecycle,
      MockAdmin admin,
      ResultFiles files,
      ResultVideos videos,
      FaultInjector faults,
      StubRegistry stubs,
      DriftProxy proxy) {}

  /** The handlers that need the runtime. */
  record Wiring(
      TaskHandlers tasks,
      MetaHandlers meta,
      DocsHandlers docs,
      FileHandlers files,
      AdminHandlers admin,
      FaultFilter faults,
      ErrorMapper errors,
      StubFilter stubs,
      JournalHandlers journal,
      UnauthorizedCodes unauthorized,
      ProxyFilter proxy,
      DriftHandlers drift) {}

  /**
   * The handlers of an app whose runtime is still being built: requests that arrive meanwhile wait at a gate in
   * front of every route (health included) until {@link #complete} or {@link #fail} is called.
   */
  public static final class PendingWiring implements Supplier<Wiring> {

    private final MockConfig config;
    private final JsonBodyReader bodies;
    private final JournalRecorder recorder;
    private final RequestBudget budget;
    private final ContractVersionHeader versionHeader = new ContractVersionHeader();
    private final CompletableFuture<Wiring> wiring = new CompletableFuture<>();

    public PendingWiring(MockConfig config) {
      this(config, new RequestJournal(config.journal(), config.journalSize()));
    }

    /** Handlers that record API requests into {@code journal}. */
    public PendingWiring(MockConfig config, RequestJournal journal) {
      this.config = config;
      this.bodies = new JsonBodyReader(config.maxBodySize());
      this.recorder = new JournalRecorder(journal);
      this.budget = new RequestBudget(config.maxBytesInFlight());
    }

    /** Bytes of request bodies held now, against the budget ({@code --max-bytes-in-flight}). */
    public long bytesInFlight() {
      return budget.inFlight();
    }

    /** Makes the handlers for the built runtime and opens the gate. */
    public void complete(KirinSpec spec, Services services) {
      TaskHandlers tasks = new TaskHandlers(bodies, services.validator(), services.lifecycle());
      MetaHandlers meta = new MetaHandlers(spec.yaml(), spec.version());
      versionHeader.version(spec.version());
      DocsHandlers docs = new DocsHandlers(SwaggerUiAssets.fromClasspath());
      FileHandlers files =
          new FileHandlers(
              services.lifecycle().store(), services.files(), services.videos(), services.lifecycle().clock());
      AdminHandlers admin = new AdminHandlers(services.admin(), bodies);
      wiring.complete(
          new Wiring(tasks, meta, docs, files, admin, new FaultFilter(services.faults()),
              new ErrorMapper(spec, config.maxBodySize()),
              new StubFilter(services.stubs(), bodies, spec, recorder),
              new JournalHandlers(services.admin(), bodies),
              new UnauthorizedCodes(spec),
              services.proxy() == null ? null : new ProxyFilter(services.proxy()),
              new DriftHandlers(services.proxy())));
    }

    /** The runtime could not be built: waiting requests fail (the app is being stopped). */
    public void fail(Throwable cause) {
      wiring.completeExceptionally(cause);
    }

    /** The handlers, waiting for them while the runtime is being built. */
    @Override
    public Wiring get() {
      return wiring.join();
    }
  }

  /** An app for a built runtime. */
  public static Javalin create(MockConfig config, KirinSpec spec, Services services) {
    PendingWiring wiring = new PendingWiring(config, services.admin().journal());
    wiring.complete(spec, services);
    return create(config, wiring);
  }

  /** An app that can start before its runtime is built; requests wait until {@code wiring} is complete. */
  public static Javalin create(MockConfig config, PendingWiring wiring) {
    Authenticator authenticator =
        new Authenticator(config.apiKeys(), wiring.bodies, () -> wiring.get().unauthorized());
    ExceptionHandler<Exception> errors = (exception, ctx) -> wiring.get().errors().handle(exception, ctx);
    return Javalin.create(
        javalin -> {
          javalin.startup.showJavalinBanner = false;
          javalin.startup.showOldJavalinVersionWarning = false;
          javalin.http.maxRequestSize = config.maxBodySize();
          javalin.http.prefer405over404 = true;
          javalin.http.responseBufferSize = RESPONSE_COPY_BUFFER;
          javalin.http.compressionStrategy = identityOnly();
          javalin.jetty.addConnector((server, http) -> connector(server, http, config, wiring.versionHeader));
          javalin.jetty.modifyServer(
              server ->
                  JettyHandlers.install(
                      server, config.maxBodySize(), wiring.budget, wiring.recorder::refusedEarly, wiring.versionHeader));
          RequestLog log = config.requestLog() ? new RequestLog() : null;
          JournalRecorder recorder = wiring.recorder;
          if (log != null || recorder.journal().enabled()) {
            // once per request, after its answer: the journal entry, then the log line
            javalin.requestLogger.http(
                (ctx, ms) -> {
                  recorder.answered(ctx, ms);
                  if (log != null) {
                    log.handle(ctx, ms);
                  }
                });
          }
          javalin.routes.exception(Exception.class, errors);
          // Javalin's own responses use its mapper unless their exact class has a handler.
          javalin.routes.exception(HttpResponseException.class, errors);
          javalin.routes.exception(EndpointNotFound.class, errors);
          javalin.routes.exception(NotFoundResponse.class, errors);
          javalin.routes.exception(MethodNotAllowedResponse.class, errors);
          javalin.routes.exception(ContentTooLargeResponse.class, errors);
          javalin.routes.before(
              new BeforeFilters(
                  wiring,
                  wiring.versionHeader,
                  authenticator,
                  new AdminGuard(
                      new HostCheck(config), config.adminToken().map(AdminAuthenticator::new).orElse(null)),
                  recorder));
          // on every path, as the before filters: Javalin matches a path pattern with a regular expression per
          // request, "*" without one; a stub's fault is only ever set on an API request
          javalin.routes.after(ctx -> wiring.get().stubs().afterHandler(ctx));
          for (Routes.Route route : Routes.table(wiring)) {
            javalin.routes.addHttpHandler(route.method(), route.path(), route.handler());
            if (route.method() == HandlerType.GET) {
              // HEAD answers as GET would, without the body (Javalin alone answered 200 to any HEAD)
              javalin.routes.addHttpHandler(HandlerType.HEAD, route.path(), route.handler());
            }
          }
        });
  }

  /**
   * The one HTTP connector: Javalin's default one, with the configured idle timeout and the contract version on
   * every answer.
   */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, MockConfig config, ContractVersionHeader versionHeader) {
    http.addCustomizer(versionHeader);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.host());
    connector.setPort(config.port());
    connector.setIdleTimeout(config.idleTimeout().toMillis());
    return connector;
  }
}
