package io.kirincontract.mock;

import io.javalin.Javalin;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.http.HttpApp;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
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
  private final HttpApp.PendingWiring wiring;
  private final String host;
  private volatile boolean stopped;

  private KirinMockServer(Javalin app, MockRuntime runtime, HttpApp.PendingWiring wiring, String host) {
    this.app = app;
    this.runtime = runtime;
    this.wiring = wiring;
    this.host = host;
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
    KirinMockServer server = new KirinMockServer(app, runtime, wiring, config.host());
    runtime.files.baseUrl(config.publicUrl().orElse(server.baseUrl()));
    runtime.lifecycle.start();
    wiring.complete(runtime.spec, runtime.services());
    LOG.info(
        "Kirin mock server listening on {} ({}{}contract {}, {} rules, media policy {}, media fetch {}, egress {}{}, clock"
            + " {}{}{}{}{}{})",
        server.address(),
        server.baseUrl(),
        isWildcard(config.host()) ? ", every interface; " : "; ",
        runtime.spec.version(),
        runtime.rules.ids().size(),
        config.mediaPolicy().name().toLowerCase(Locale.ROOT),
        config.mediaFetch() ? "on" : "off",
        config.egress(),
        config.signsCallbacks() ? ", callbacks signed" : "",
        runtime.clock,
        config.maxRunningTasks() > 0 ? ", at most " + config.maxRunningTasks() + " unfinished tasks per key" : "",
        config.adminToken().isPresent() ? ", admin token required" : "",
        config.elementLibrary().map(library -> ", element library of " + library.size()).orElse(""),
        config.disabledRules().isEmpty() ? "" : ", DISABLED RULES " + config.disabledRules(),
        config.proxyTo().map(upstream -> ", proxy to " + upstream + " (drift watch)").orElse(""));
    return server;
  }

  /** The port the server listens on (the real one when started on port 0). */
  public int port() {
    return app.port();
  }

  /**
   * {@code http://localhost:<port>} when the server listens on loopback (the default) or on every interface, else
   * {@code http://<host>:<port>}.
   */
  public String baseUrl() {
    if (isWildcard(host) || isLoopback(host)) {
      return "http://localhost:" + port();
    }
    return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
  }

  /** Where the server listens: {@code 127.0.0.1:8080}, {@code 0.0.0.0:8080}, {@code [::1]:8080}. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port();
  }

  /**
   * Bytes of request bodies the server holds now, against its budget ({@link MockConfig#maxBytesInFlight}); 0 when
   * no request is in flight.
   */
  public long bytesInFlight() {
    return wiring.bytesInFlight();
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("0:0:0:0:0:0:0:0");
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }

  /** The control API: tasks, holds, failures, rules, limits, faults, clock, callbacks, reset. */
  public MockAdmin admin() {
    return runtime.admin;
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
