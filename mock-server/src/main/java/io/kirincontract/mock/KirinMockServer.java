package io.kirincontract.mock;

import io.javalin.Javalin;
import io.kirincontract.mock.http.HttpApp;
import io.kirincontract.mock.media.DefaultMediaInspector;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.rules.RuleCatalog;
import io.kirincontract.mock.rules.RuleEngine;
import io.kirincontract.mock.tasks.TaskFactory;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.spec.KirinSpec;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kirin mock server, embedded: {@code try (var mock = KirinMockServer.start(config -> config.port(0))) { ... }}.
 * It validates every request as the provider would, with the models' own error codes, and keeps the tasks it
 * creates in memory, per API key.
 */
public final class KirinMockServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KirinMockServer.class);

  private final Javalin app;
  private final RequestValidator validator;
  private final TaskStore store;
  private volatile boolean stopped;

  private KirinMockServer(Javalin app, RequestValidator validator, TaskStore store) {
    this.app = app;
    this.validator = validator;
    this.store = store;
  }

  /** Starts a server configured by {@code configure} on top of the defaults. */
  public static KirinMockServer start(Consumer<MockConfig> configure) {
    MockConfig config = new MockConfig();
    configure.accept(config);
    return start(config);
  }

  /**
   * Starts a server with this configuration.
   *
   * @throws io.kirincontract.mock.rules.RuleMismatchException when the implemented rules differ from the spec's
   */
  public static KirinMockServer start(MockConfig config) {
    KirinSpec spec = config.spec().orElseGet(KirinSpec::load);
    RuleEngine rules = new RuleEngine(spec, RuleCatalog.all(), config.disabledRules(), config.mediaPolicy());
    DisabledRules.check(spec, config.disabledRules());
    MediaInspector inspector = config.mediaInspector().orElseGet(() -> new DefaultMediaInspector(config.mediaFetchSettings()));
    RequestValidator validator =
        new RequestValidator(spec, rules, inspector, config.elementLibrary(), config.disabledRules());
    TaskStore store = new TaskStore();
    Javalin app = HttpApp.create(config, spec, validator, store, new TaskFactory(config.clock()));
    try {
      app.start();
    } catch (RuntimeException e) {
      app.stop();
      validator.close();
      throw e;
    }
    KirinMockServer server = new KirinMockServer(app, validator, store);
    LOG.info(
        "Kirin mock server listening on {} ({} rules, media policy {}, media fetch {}{}{})",
        server.baseUrl(),
        rules.ids().size(),
        config.mediaPolicy().name().toLowerCase(java.util.Locale.ROOT),
        config.mediaFetch() ? "on" : "off",
        config.elementLibrary().map(library -> ", element library of " + library.size()).orElse(""),
        config.disabledRules().isEmpty() ? "" : ", DISABLED RULES " + config.disabledRules());
    return server;
  }

  /** The port the server listens on (the real one when started on port 0). */
  public int port() {
    return app.port();
  }

  /** {@code http://localhost:<port>}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The task store, for the next layers (lifecycle, admin API) and for tests. */
  public TaskStore tasks() {
    return store;
  }

  /** Stops the server; calling it again does nothing. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    app.stop();
    validator.close();
  }

  @Override
  public void close() {
    stop();
  }
}
