package io.kirincontract.mock.junit;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.PollingPolicy;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.admin.KirinAdmin;
import io.kirincontract.mock.admin.MockAdmin;
import io.kirincontract.mock.journal.RequestJournal;
import io.kirincontract.mock.lifecycle.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link KirinMockTest @KirinMockTest}; register it yourself for full control of the
 * mock's configuration:
 *
 * <pre>{@code
 * @RegisterExtension
 * static KirinMockExtension mock = KirinMockExtension.builder()
 *     .configure(config -> config.timeScale(50).maxRunningTasks(2))
 *     .build();
 * }</pre>
 *
 * <p>In a {@code static} field (or through the annotation) the mock starts once per test class, before the first
 * test, and stops after the last; nested classes share their outer class's mock. In an instance field each test
 * gets its own mock. Before each test the mock is reset: no tasks, scenario rules, callbacks (pending or logged)
 * or HTTP faults, the configured limits, and a manual clock back at its start.
 *
 * <p>Parameters of type {@link KirinClient}, {@link KirinMockServer}, {@link MockAdmin} (or the interface it
 * implements, {@link KirinAdmin}, which {@code HttpAdminClient} implements for a mock in another process), {@link
 * KirinMockInfo},
 * {@link ManualClock}, {@link RequestJournal} and {@link CallbackReceiver} are injected (the receiver is started on
 * first use, emptied before each test, closed with the mock). The client is built for the mock's base URL and key, with polls every 50 ms
 * growing to 500 ms (so {@code awaitCompletion} notices a finished task at once); change it with {@link
 * Builder#client}. The tests of a class share one mock: do not run them concurrently.
 */
public final class KirinMockExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

  /** The key of the injected client when the mock accepts any key. */
  public static final String DEFAULT_API_KEY = "kirin-test-key";

  /** Where a manual clock starts unless told otherwise. */
  public static final String DEFAULT_CLOCK_START = "2026-01-01T00:00:00Z";

  /** How the injected client polls: quickly, the mock is local. */
  static final PollingPolicy POLLING =
      PollingPolicy.builder()
          .initialInterval(Duration.ofMillis(50))
          .multiplier(1.5)
          .maxInterval(Duration.ofMillis(500))
          .build();

  private static final Set<Class<?>> INJECTED =
      Set.of(
          KirinClient.class,
          KirinMockServer.class,
          MockAdmin.class,
          KirinAdmin.class,
          KirinMockInfo.class,
          ManualClock.class,
          RequestJournal.class,
          CallbackReceiver.class);

  private static final String KEY = "running-mock";

  private static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

  private final Settings settings;
  private volatile RunningMock current;

  /** The extension as {@link KirinMockTest @KirinMockTest} registers it: configured by the annotation. */
  public KirinMockExtension() {
    this(null);
  }

  private KirinMockExtension(Settings settings) {
    this.settings = settings;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- for a registered extension: the running mock

  /** The running mock server. */
  public KirinMockServer server() {
    return running().server();
  }

  /** The running mock's control API. */
  public MockAdmin admin() {
    return server().admin();
  }

  /** The client configured for the running mock. */
  public KirinClient client() {
    return running().client();
  }

  /** A callback receiver on loopback for the running mock's tests (started on first use, emptied before each test). */
  public CallbackReceiver callbackReceiver() {
    return running().receiver();
  }

  /** The running mock's base URL, port and the client's key. */
  public KirinMockInfo info() {
    return running().info();
  }

  /** {@code http://localhost:<port>} of the running mock. */
  public String baseUrl() {
    return info().baseUrl();
  }

  // ---- JUnit callbacks

  @Override
  public void beforeAll(ExtensionContext context) {
    mock(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<RunningMock> shared = find(context);
    if (shared.isPresent()) {
      shared.get().reset();
    } else {
      start(context); // registered in an instance field: a mock for this test alone
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stopIfOwner(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return INJECTED.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RunningMock mock = mock(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == KirinClient.class) {
      return mock.client();
    } else if (type == KirinMockServer.class) {
      return mock.server();
    } else if (type == MockAdmin.class || type == KirinAdmin.class) {
      return mock.server().admin();
    } else if (type == KirinMockInfo.class) {
      return mock.info();
    } else if (type == RequestJournal.class) {
      return mock.server().admin().journal();
    } else if (type == CallbackReceiver.class) {
      return mock.receiver();
    } else if (type == ManualClock.class) {
      if (mock.server().clock() instanceof ManualClock manual) {
        return manual;
      }
      throw new ParameterResolutionException(
          "the mock runs on " + mock.server().clock() + ", not a manual clock; use @KirinMockTest(manualClock = true)"
              + " or configure(config -> config.manualClock(start))");
    }
    throw new ParameterResolutionException("cannot inject " + type.getName());
  }

  // ---- the mock in the context tree

  private ExtensionContext.Store store(ExtensionContext context) {
    return context.getStore(ExtensionContext.Namespace.create(KirinMockExtension.class, this));
  }

  /** The mock of this context or an enclosing one (a class's, an outer class's). */
  private Optional<RunningMock> find(ExtensionContext context) {
    return Optional.ofNullable(store(context).get(KEY, RunningMock.class));
  }

  private RunningMock mock(ExtensionContext context) {
    return find(context).orElseGet(() -> start(context));
  }

  private RunningMock start(ExtensionContext context) {
    Settings chosen = settings != null ? settings : Settings.of(annotation(context));
    RunningMock mock = chosen.start(context.getUniqueId());
    store(context).put(KEY, mock);
    current = mock;
    return mock;
  }

  private void stopIfOwner(ExtensionContext context) {
    Optional<RunningMock> mock = find(context);
    if (mock.isPresent() && mock.get().owner().equals(context.getUniqueId())) {
      store(context).remove(KEY);
      if (current == mock.get()) {
        current = null;
      }
      mock.get().close();
    }
  }

  private RunningMock running() {
    RunningMock mock = current;
    if (mock == null) {
      throw new IllegalStateException(
          "the mock is not running: register the extension with @RegisterExtension and use it inside tests");
    }
    return mock;
  }

  private static KirinMockTest annotation(ExtensionContext context) {
    for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
      Optional<KirinMockTest> found = AnnotationSupport.findAnnotation(type, KirinMockTest.class);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return null;
  }

  /** What a mock is started with: its configuration, the client's key and the client's configuration. */
  private record Settings(
      List<Consumer<MockConfig>> config, String apiKey, List<Consumer<KirinClient.Builder>> client) {

    /** From the annotation, or the defaults when there is none (plain {@code @ExtendWith}). */
    static Settings of(KirinMockTest annotation) {
      if (annotation == null) {
        return new Settings(List.of(), null, List.of());
      }
      Consumer<MockConfig> config =
          mock -> {
            mock.timeScale(annotation.timeScale())
                .apiKeys(annotation.apiKeys())
                .mediaPolicy(annotation.mediaPolicy())
                .mediaFetch(annotation.mediaFetch())
                .maxRunningTasks(annotation.maxRunningTasks());
            if (annotation.manualClock()) {
              mock.manualClock(Instant.parse(annotation.clockStart()));
            }
          };
      String key = annotation.apiKeys().length > 0 ? annotation.apiKeys()[0].trim() : null;
      return new Settings(List.of(config), key, List.of());
    }

    RunningMock start(String owner) {
      // As the command line does: Hibernate Validator then logs through slf4j, where the mock's logging settings
      // keep its start-up notices about the generated models out of the test output.
      if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null) {
        System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
      }
      MockConfig config = new MockConfig().host("127.0.0.1").port(0);
      this.config.forEach(step -> step.accept(config));
      String key = clientKey(config);
      KirinMockServer server = KirinMockServer.start(config);
      try {
        KirinClient.Builder builder =
            KirinClient.builder().baseUrl(server.baseUrl()).apiKey(key).pollingPolicy(POLLING);
        client.forEach(step -> step.accept(builder));
        return new RunningMock(owner, server, builder.build(), key);
      } catch (RuntimeException e) {
        server.close();
        throw e;
      }
    }

    private String clientKey(MockConfig config) {
      Set<String> accepted = config.apiKeys();
      if (apiKey != null) {
        if (!accepted.isEmpty() && !accepted.contains(apiKey)) {
          throw new IllegalStateException(
              "the client's key " + apiKey + " is not one of the mock's API keys " + accepted);
        }
        return apiKey;
      }
      if (accepted.isEmpty()) {
        return DEFAULT_API_KEY;
      }
      if (accepted.size() == 1) {
        return accepted.iterator().next();
      }
      throw new IllegalStateException(
          "the mock accepts the keys " + accepted + "; say which one the injected client uses with apiKey(...)");
    }
  }

  /** Builds a {@link KirinMockExtension} to register with {@code @RegisterExtension}. */
  public static final class Builder {

    private final List<Consumer<MockConfig>> config = new ArrayList<>();
    private final List<Consumer<KirinClient.Builder>> client = new ArrayList<>();
    private String apiKey;

    private Builder() {}

    /**
     * Configures the mock, on top of the extension's defaults (port 0, host {@code 127.0.0.1}) and of earlier
     * calls: {@code configure(config -> config.manualClock(start).maxRunningTasks(1))}.
     */
    public Builder configure(Consumer<MockConfig> configure) {
      config.add(Objects.requireNonNull(configure, "configure"));
      return this;
    }

    /**
     * The key of the injected client. By default the mock's only configured key, or {@value KirinMockExtension#DEFAULT_API_KEY} when
     * any key is accepted.
     */
    public Builder apiKey(String apiKey) {
      Objects.requireNonNull(apiKey, "apiKey");
      if (apiKey.isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey.trim();
      return this;
    }

    /**
     * Configures the injected client after its base URL, key and polling are set: {@code client(builder ->
     * builder.retryPolicy(RetryPolicy.none()))}.
     */
    public Builder client(Consumer<KirinClient.Builder> configure) {
      client.add(Objects.requireNonNull(configure, "configure"));
      return this;
    }

    public KirinMockExtension build() {
      return new KirinMockExtension(new Settings(List.copyOf(config), apiKey, List.copyOf(client)));
    }
  }
}
