package io.kirincontract.mock;

import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.callbacks.CallbackSigner;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.lifecycle.ManualClock;
import io.kirincontract.mock.lifecycle.MockClock;
import io.kirincontract.mock.media.MediaFetchSettings;
import io.kirincontract.mock.media.SyntheticMediaCache;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.spec.KirinSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the mock server can be told, with its defaults as field values. Shared by the command line and the
 * embedded API: {@code KirinMockServer.start(config -> config.port(0).apiKeys("k1", "k2"))}.
 */
public final class MockConfig {

  /** 128 MiB: room for seven 10 MB images in base64 plus the rest of a request. */
  public static final long DEFAULT_MAX_BODY_SIZE = 128L * 1024 * 1024;

  public static final int DEFAULT_PORT = 8080;

  /** 30 s, Jetty's own default. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Loopback: the mock is reachable from this machine only unless {@link #host} says otherwise (DESIGN §8). */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default budget of request bytes in flight is the maximum heap divided by this. */
  public static final int HEAP_SHARE_IN_FLIGHT = 8;

  /** The longest accepted API key, in characters: a longer bearer key is a 401 (a key is kept with each task). */
  public static final int MAX_API_KEY_LENGTH = 256;

  /** How long the proxy waits for the upstream's whole answer before it answers {@code 504 upstream_timeout}. */
  public static final Duration DEFAULT_PROXY_TIMEOUT = Duration.ofSeconds(60);

  private String host = DEFAULT_HOST;
  private int port = DEFAULT_PORT;
  private final Set<String> apiKeys = new LinkedHashSet<>();
  private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
  private Duration idleTimeout = DEFAULT_IDLE_TIMEOUT;
  private boolean requestLog = true;
  private boolean journal = true;
  private int journalSize = io.kirincontract.mock.journal.RequestJournal.DEFAULT_SIZE;
  private boolean mediaFetch = true;
  private Duration mediaConnectTimeout = MediaFetchSettings.defaults().connectTimeout();
  private Duration mediaReadTimeout = MediaFetchSettings.defaults().readTimeout();
  private MediaPolicy mediaPolicy = MediaPolicy.LENIENT;
  private Duration mediaBudget = RequestValidator.DEFAULT_MEDIA_BUDGET;
  private ElementLibrary elementLibrary;
  private final Set<String> disabledRules = new LinkedHashSet<>();
  private Clock clock;
  private double timeScale = 1.0;
  private int maxTasks = TaskStore.DEFAULT_MAX_TASKS;
  private int maxTasksPerKey = TaskStore.DEFAULT_MAX_TASKS_PER_KEY;
  private int maxRunningTasks;
  private String adminToken;
  private String publicUrl;
  private CallbackSettings callbackSettings = CallbackSettings.defaults();
  private FaultSettings faults = FaultSettings.NONE;
  private long resultCacheBytes = SyntheticMediaCache.DEFAULT_MAX_BYTES;
  private MediaInspector mediaInspector;
  private KirinSpec spec;
  private final Set<String> allowedHosts = new LinkedHashSet<>();
  private long maxBytesInFlight;
  private EgressPolicy egress = EgressPolicy.loopback();
  private String callbackSecret;
  private java.net.URI proxyTo;
  private Duration proxyTimeout = DEFAULT_PROXY_TIMEOUT;
  private java.nio.file.Path proxyRecord;

  /**
   * Interface to listen on; {@code 127.0.0.1} (this machine only) by default. {@code 0.0.0.0} (all interfaces) is a
   * choice: anyone who can reach the port can then use the API and, without {@link #adminToken}, steer the mock.
   */
  public MockConfig host(String host) {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("host must name an interface, such as 127.0.0.1 or 0.0.0.0");
    }
    this.host = host.trim();
    return this;
  }

  /**
   * Further names the admin API accepts in the {@code Host} header (a guard against DNS rebinding): by default it
   * accepts IP addresses, {@code localhost}, the bound host name and the {@link #publicUrl} host; a name that reaches
   * the mock another way (a container's service name, a reverse proxy's) must be listed. {@code *} accepts any.
   */
  public MockConfig allowedHosts(Collection<String> hosts) {
    for (String name : hosts) {
      String trimmed = name == null ? "" : name.trim();
      if (trimmed.isEmpty()) {
        throw new IllegalArgumentException("an allowed host must not be empty");
      }
      allowedHosts.add(trimmed.toLowerCase(java.util.Locale.ROOT));
    }
    return this;
  }

  public MockConfig allowedHosts(String... hosts) {
    return allowedHosts(java.util.List.of(hosts));
  }

  /**
   * The most bytes of request bodies held at once, over all requests in flight; a request that would pass it is
   * answered {@code 503 service_unavailable} with {@code Retry-After} before its body is read. By default an eighth of
   * the JVM's maximum heap (a body is held several times over while it is parsed: the bytes, the parser's text
   * buffers, the strings), and never less than {@link #maxBodySize}. Must be at least {@link #maxBodySize}.
   */
  public MockConfig maxBytesInFlight(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max bytes in flight must be positive, not " + bytes);
    }
    this.maxBytesInFlight = bytes;
    return this;
  }

  /** Port to listen on; 8080 by default, 0 for any free port. */
  public MockConfig port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
    }
    this.port = port;
    return this;
  }

  /** Accepted bearer keys; when none are given (the default) any non-empty key is accepted. Each key is a tenant. */
  public MockConfig apiKeys(Collection<String> keys) {
    keys.stream()
        .map(String::trim)
        .filter(key -> !key.isEmpty())
        .forEach(
            key -> {
              if (key.length() > MAX_API_KEY_LENGTH) {
                throw new IllegalArgumentException(
                    "an API key must be at most " + MAX_API_KEY_LENGTH + " characters, not " + key.length());
              }
              apiKeys.add(key);
            });
    return this;
  }

  public MockConfig apiKeys(String... keys) {
    return apiKeys(java.util.List.of(keys));
  }

  /** Largest accepted request body in bytes; 128 MiB by default. */
  public MockConfig maxBodySize(long bytes) {
    if (bytes <= 0) {
      throw new IllegalArgumentException("max body size must be positive, not " + bytes);
    }
    this.maxBodySize = bytes;
    return this;
  }

  /**
   * How long a connection may stay silent (no byte read or written) before the server closes it: bounds a client that
   * stops in the middle of a request (a slow loris) and idle kept-alive connections. 30 s by default.
   */
  public MockConfig idleTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive, not " + timeout);
    }
    this.idleTimeout = timeout;
    return this;
  }

  /**
   * Whether each request is logged (method, path, status, milliseconds) at info on the logger {@code
   * io.kirincontract.mock.requests}; on by default. Under saturation the log costs throughput (figures in
   * docs/performance.md): turn it off for load tests and busy CI.
   */
  public MockConfig requestLog(boolean on) {
    this.requestLog = on;
    return this;
  }

  /**
   * Whether every API request is recorded in the request journal ({@code GET /__admin/requests}, {@code
   * admin().requests(...)}, verification); on by default.
   */
  public MockConfig journal(boolean on) {
    this.journal = on;
    return this;
  }

  /** Most entries the request journal keeps; older ones are dropped (and counted). 10,000 by default. */
  public MockConfig journalSize(int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("journal size must be at least 1, not " + entries);
    }
    this.journalSize = entries;
    return this;
  }

  /** Whether media URLs are fetched (on by default); off treats every URL as unreachable, with no network use. */
  public MockConfig mediaFetch(boolean fetch) {
    this.mediaFetch = fetch;
    return this;
  }

  /** Connect and read timeouts for media URLs. */
  public MockConfig mediaTimeouts(Duration connect, Duration read) {
    this.mediaConnectTimeout = connect;
    this.mediaReadTimeout = read;
    return this;
  }

  /**
   * The most wall-clock time all media fetches of one request may take together; 30 s by default. A fetch still
   * running when it is spent is stopped and counts as unreachable (a warning, or a {@code 400} under the strict
   * media policy).
   */
  public MockConfig mediaBudget(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("media budget must be positive, not " + budget);
    }
    this.mediaBudget = budget;
    return this;
  }

  /** What unreachable media and unresolved O1 prompt references lead to; lenient (a warning) by default. */
  public MockConfig mediaPolicy(MediaPolicy policy) {
    this.mediaPolicy = policy;
    return this;
  }

  /** The subject library; enables the {@code mode: library} rules. None by default (any element id accepted). */
  public MockConfig elementLibrary(ElementLibrary library) {
    this.elementLibrary = library;
    return this;
  }

  /**
   * For testing a test suite: skip a rule (an {@code x-kirin-rules} id or a derived per-field rule id) while keeping
   * it implemented, to prove that the suite notices a broken rule. Never use in normal runs.
   */
  public MockConfig disableRule(String ruleId) {
    this.disabledRules.add(ruleId);
    return this;
  }

  public MockConfig disableRules(Collection<String> ruleIds) {
    this.disabledRules.addAll(ruleIds);
    return this;
  }

  /**
   * The clock tasks run on (timestamps, ids, lifecycle): a {@link MockClock} such as {@link MockClock#manual}, or
   * any {@link Clock}, driven at real-time speed. By default the system clock at the {@link #timeScale}.
   *
   * @throws IllegalArgumentException when the clock reads a time outside {@link MockClock#EARLIEST} to {@link
   *     MockClock#LATEST}
   */
  public MockConfig clock(Clock clock) {
    if (clock != null) {
      MockClock.checkInRange(clock.instant(), "the clock's time");
    }
    this.clock = clock;
    return this;
  }

  /** Runs the server on a {@link ManualClock} standing at {@code start}: tasks move only when it is advanced. */
  public MockConfig manualClock(Instant start) {
    return clock(MockClock.manual(start));
  }

  /**
   * How many mock seconds pass per real second with the default system clock: 10 makes a 4.5-second task take 0.45
   * s; 1 (the default) is real time; at most 10,000 ({@link MockClock#MAX_TIME_SCALE}). Task timestamps follow the
   * mock time. Ignored when a {@link #clock} is given.
   */
  public MockConfig timeScale(double scale) {
    this.timeScale = MockClock.checkTimeScale(scale);
    return this;
  }

  /** Most tasks kept; beyond it the oldest finished tasks are evicted. 1,000,000 by default. */
  public MockConfig maxTasks(int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("max tasks must be at least 1, not " + tasks);
    }
    this.maxTasks = tasks;
    return this;
  }

  /**
   * Most tasks kept per API key; beyond it the key's own oldest finished tasks are evicted, and a key whose quota is
   * full of unfinished tasks gets 429 (other keys are not affected). A key under its quota never loses a task to
   * another key. 100,000 by default (at most {@link #maxTasks}).
   */
  public MockConfig maxTasksPerKey(int tasks) {
    if (tasks < 1) {
      throw new IllegalArgumentException("max tasks per key must be at least 1, not " + tasks);
    }
    this.maxTasksPerKey = tasks;
    return this;
  }

  /** Most unfinished tasks per API key; more are refused with 429. 0 (the default) for no limit. */
  public MockConfig maxRunningTasks(int tasks) {
    if (tasks < 0) {
      throw new IllegalArgumentException("max running tasks must be 0 (no limit) or more, not " + tasks);
    }
    this.maxRunningTasks = tasks;
    return this;
  }

  /**
   * Requires {@code Authorization: Bearer <token>} on the admin API; open by default ({@code null}). An empty or blank
   * token is refused: it would look like protection and be none.
   */
  public MockConfig adminToken(String token) {
    if (token != null && token.isBlank()) {
      throw new IllegalArgumentException(
          "the admin token must not be empty or blank; leave it out to keep the admin API open on " + host);
    }
    this.adminToken = token;
    return this;
  }

  /**
   * The base of the result file URLs in tasks, such as {@code http://mock.internal:8080}; by default {@code
   * http://localhost:<port>}.
   */
  public MockConfig publicUrl(String url) {
    this.publicUrl = url == null || url.isBlank() ? null : url;
    return this;
  }

  /**
   * Callback delivery: timeouts, attempts, backoff, shares, log size. {@link CallbackSettings#defaults()} by default.
   * The egress policy and the signing secret come from {@link #egress} and {@link #callbackSecret}.
   */
  public MockConfig callbackSettings(CallbackSettings settings) {
    this.callbackSettings = java.util.Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** HTTP faults from the start (the admin API can change them); none by default. */
  public MockConfig faults(FaultSettings settings) {
    this.faults = java.util.Objects.requireNonNull(settings, "settings");
    return this;
  }

  /** Bytes of generated result videos kept in memory; 64 MiB by default. */
  public MockConfig resultCacheBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("result cache bytes must not be negative, not " + bytes);
    }
    this.resultCacheBytes = bytes;
    return this;
  }

  /** Replaces the media inspector (tests); by default the real one, with the fetch settings above. */
  public MockConfig mediaInspector(MediaInspector inspector) {
    this.mediaInspector = inspector;
    return this;
  }

  /** Replaces the spec (tests of the start-up check); by default {@code kirin-api.yaml} from the classpath. */
  public MockConfig spec(KirinSpec spec) {
    this.spec = spec;
    return this;
  }

  /**
   * Which hosts the mock may fetch media from and send callbacks to: {@link EgressPolicy#loopback()} by default
   * here (an embedded mock, as in tests, never calls out), {@code any} by default on the command line ({@code
   * --egress}). A refused media URL counts as unreachable (a warning, or {@code 400} under the strict media
   * policy); a refused callback is logged as {@code blocked}. Neither is attempted.
   */
  public MockConfig egress(EgressPolicy policy) {
    this.egress = java.util.Objects.requireNonNull(policy, "policy");
    return this;
  }

  /**
   * Signs every callback with this secret ({@code X-Kirin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
   * "<t>.<raw body>">}); {@code null} (the default) for unsigned callbacks.
   *
   * @throws IllegalArgumentException for an empty or blank secret
   */
  public MockConfig callbackSecret(String secret) {
    if (secret != null && secret.isBlank()) {
      throw new IllegalArgumentException("the callback secret must not be empty");
    }
    this.callbackSecret = secret;
    return this;
  }

  /**
   * Makes the mock a judging proxy (drift watch, docs/drift-watch.md): every request under {@code /v1/} is forwarded
   * unchanged to this base URL ({@code https://api.provider.example}), the upstream's answer goes back to the caller,
   * and each exchange is judged afterwards against the mock's own verdict and the spec ({@code GET /__admin/drift}).
   * {@code null} (the default) for no proxy.
   */
  public MockConfig proxyTo(java.net.URI upstream) {
    if (upstream != null
        && (upstream.getHost() == null
            || !("http".equalsIgnoreCase(upstream.getScheme()) || "https".equalsIgnoreCase(upstream.getScheme())))) {
      throw new IllegalArgumentException("the proxy's upstream must be an http or https URL, not " + upstream);
    }
    if (upstream != null && (upstream.getRawUserInfo() != null || upstream.getRawQuery() != null)) {
      throw new IllegalArgumentException(
          "the proxy's upstream must be a base URL without user info or query (the caller's key goes upstream as sent)");
    }
    this.proxyTo = upstream;
    return this;
  }

  /** How long the proxy waits for the upstream's whole answer; 60 s by default. */
  public MockConfig proxyTimeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("proxy timeout must be positive, not " + timeout);
    }
    this.proxyTimeout = timeout;
    return this;
  }

  /**
   * Writes each drifted exchange that names a rule as a case file in this directory, which the conformance suite's
   * {@code --cases DIR} replays; {@code null} (the default) records nothing.
   */
  public MockConfig proxyRecord(java.nio.file.Path directory) {
    this.proxyRecord = directory;
    return this;
  }

  public Optional<java.net.URI> proxyTo() {
    return Optional.ofNullable(proxyTo);
  }

  public Duration proxyTimeout() {
    return proxyTimeout;
  }

  public Optional<java.nio.file.Path> proxyRecord() {
    return Optional.ofNullable(proxyRecord);
  }

  public EgressPolicy egress() {
    return egress;
  }

  /** True when callbacks are signed. */
  public boolean signsCallbacks() {
    return callbackSecret != null;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Set<String> apiKeys() {
    return Set.copyOf(apiKeys);
  }

  public long maxBodySize() {
    return maxBodySize;
  }

  public Duration idleTimeout() {
    return idleTimeout;
  }

  public boolean requestLog() {
    return requestLog;
  }

  public boolean journal() {
    return journal;
  }

  public int journalSize() {
    return journalSize;
  }

  public boolean mediaFetch() {
    return mediaFetch;
  }

  public Duration mediaBudget() {
    return mediaBudget;
  }

  public MediaPolicy mediaPolicy() {
    return mediaPolicy;
  }

  public Optional<ElementLibrary> elementLibrary() {
    return Optional.ofNullable(elementLibrary);
  }

  public Set<String> disabledRules() {
    return Set.copyOf(disabledRules);
  }

  /** The given clock, if any. */
  public Optional<Clock> clock() {
    return Optional.ofNullable(clock);
  }

  /** The clock a server starts with: the given one, else a new system clock at the time scale. */
  public MockClock mockClock() {
    return clock != null ? MockClock.of(clock) : MockClock.scaled(timeScale);
  }

  public double timeScale() {
    return timeScale;
  }

  public int maxTasks() {
    return maxTasks;
  }

  public int maxTasksPerKey() {
    return maxTasksPerKey;
  }

  public int maxRunningTasks() {
    return maxRunningTasks;
  }

  public Optional<String> adminToken() {
    return Optional.ofNullable(adminToken);
  }

  public Optional<String> publicUrl() {
    return Optional.ofNullable(publicUrl);
  }

  /**
   * The callback settings, with the {@link #egress} policy and the {@link #callbackSecret} of this configuration in
   * place of those of the settings given to {@link #callbackSettings(CallbackSettings)}.
   */
  public CallbackSettings callbackSettings() {
    return callbackSettings.toBuilder()
        .egress(egress)
        .signer(callbackSecret == null ? null : CallbackSigner.of(callbackSecret))
        .build();
  }

  public FaultSettings faults() {
    return faults;
  }

  public long resultCacheBytes() {
    return resultCacheBytes;
  }

  public Optional<MediaInspector> mediaInspector() {
    return Optional.ofNullable(mediaInspector);
  }

  public Optional<KirinSpec> spec() {
    return Optional.ofNullable(spec);
  }

  /** The names given with {@link #allowedHosts}, in lower case. */
  public Set<String> allowedHosts() {
    return Set.copyOf(allowedHosts);
  }

  /**
   * The budget of request body bytes in flight: the one given, else an eighth of the maximum heap, at least {@link
   * #maxBodySize}.
   *
   * @throws IllegalArgumentException when a given budget is below {@link #maxBodySize} (a body within the limit could
   *     never be taken)
   */
  public long maxBytesInFlight() {
    if (maxBytesInFlight == 0) {
      return Math.max(maxBodySize, Runtime.getRuntime().maxMemory() / HEAP_SHARE_IN_FLIGHT);
    }
    if (maxBytesInFlight < maxBodySize) {
      throw new IllegalArgumentException(
          "max bytes in flight (" + maxBytesInFlight + ") must be at least the max body size (" + maxBodySize + ")");
    }
    return maxBytesInFlight;
  }

  /** The media fetch settings these options amount to (size caps from the defaults: 10 MiB, 200 MiB). */
  public MediaFetchSettings mediaFetchSettings() {
    MediaFetchSettings defaults = MediaFetchSettings.defaults();
    return new MediaFetchSettings(
        mediaFetch, mediaConnectTimeout, mediaReadTimeout, defaults.maxImageBytes(), defaults.maxVideoBytes());
  }
}
