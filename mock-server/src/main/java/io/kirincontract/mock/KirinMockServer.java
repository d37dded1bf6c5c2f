package io.kirincontract.mock;

import io.javalin.Javalin;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.http.HttpApp;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.util.Background;
import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kirin mock server, embedded: {@code try (var mock = KirinMockServer.start(config -> config.port(0))) { ... }}.
 * It validates every request as the provider would, with the models' own error codes, runs each task through
 * {@code queued}, {@code processing} and {@code completed} or {@code failed} on its clock, serves the results, sends
 * callbacks, and can be steered through {@link #admin()} (or the same operations under {@code /__admin/}).
 */
public final class KirinMockServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KirinMockServer.class);

  private final Javalin app;
  private final MockRuntime runtime;
  private volatile boolean stopped;

  private KirinMockServer(Javalin app, MockRuntime runtime) {
    this.app = app;
    this.runtime = runtime;
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
    // Jetty starts on this thread while the runtime (spec, validation, rules, lifecycle) is built on another; with
    // cores to spare a start takes the longer of the two rather than their sum (on 2 busy cores class loading is
    // the bound either way). Requests that arrive in between wait at the app's gate, so nothing (not even /health)
    // is answered before the server is whole.
    RequestJournal journal = new RequestJournal(config.journal(), config.journalSize());
    Background<MockRuntime> building =
        Background.start("kirin-runtime-start", () -> MockRuntime.create(config, journal));
    HttpApp.PendingWiring wiring = new HttpApp.PendingWiring(config, journal);
    Javalin app = HttpApp.create(config, wiring);
    MockRuntime runtime;
    try {
      app.start();
      runtime = building.get();
    } catch (RuntimeException | Error e) {
      wiring.fail(e);
      app.stop();
      building.whenDone(MockRuntime::close);
      throw e;
    }
    runtime.files.baseUrl(config.publicUrl().orElse("http://localhost:" + app.port()));
    runtime.lifecycle.start();
    wiring.complete(runtime.spec, runtime.services());
    KirinMockServer server = new KirinMockServer(app, runtime);
    LOG.info(
        "Kirin mock server listening on {} ({} rules, media policy {}, media fetch {}, clock {}{}{}{}{})",
        server.baseUrl(),
        runtime.rules.ids().size(),
        config.mediaPolicy().name().toLowerCase(Locale.ROOT),
        config.mediaFetch() ? "on" : "off",
        runtime.clock,
        config.maxRunningTasks() > 0 ? ", at most " + config.maxRunningTasks() + " unfinished tasks per key" : "",
        config.adminToken().isPresent() ? ", admin token required" : "",
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

  /** The control API: tasks, holds, failures, rules, limits, faults, clock, callbacks, reset. */
  public MockAdmin admin() {
    return runtime.admin;
  }

  /** The task store itself (compact records); {@link #admin()} is the convenient way to look at tasks. */
  public TaskStore tasks() {
    return runtime.lifecycle.store();
  }

  /** The clock the server runs on. */
  public MockClock clock() {
    return runtime.clock;
  }

  /**
   * The manual clock the server runs on.
   *
   * @throws IllegalStateException when it runs on another clock
   */
  public ManualClock manualClock() {
    if (runtime.clock instanceof ManualClock manual) {
      return manual;
    }
    throw new IllegalStateException("the server runs on " + runtime.clock + "; configure manualClock(...)");
  }

  /** Stops the server; calling it again does nothing. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    app.stop();
    runtime.close();
  }

  @Override
  public void close() {
    stop();
  }
}
