package io.kirincontract.mock.cli;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.control.FaultSettings;
import io.kirincontract.mock.control.InvalidControlException;
import io.kirincontract.mock.tasks.TaskStore;
import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.mock.validation.RequestValidator;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar kirin-mock-server.jar [options]}: the command line over {@link MockConfig}. */
@Command(
    name = "kirin-mock-server",
    mixinStandardHelpOptions = true,
    versionProvider = MockServerCommand.Version.class,
    sortOptions = false,
    description =
        "Validating mock of the Kirin video-generation API: accepts what the provider accepts, rejects what it"
            + " rejects with the same error code, and says what to fix. Runs tasks to completed (or failed) on its"
            + " clock, serves their results, sends callbacks, and is steered under /__admin/. Serves the spec at"
            + " /openapi.yaml.%n")
public final class MockServerCommand implements Callable<Integer> {

  @Option(names = "--port", description = "Port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port = MockConfig.DEFAULT_PORT;

  @Option(
      names = "--host",
      description =
          "Interface to listen on (default: ${DEFAULT-VALUE}, this machine only); 0.0.0.0 for every interface, which"
              + " lets anyone who can reach the port use the mock (set --admin-token then).")
  String host = MockConfig.DEFAULT_HOST;

  @Option(
      names = "--allowed-hosts",
      split = ",",
      paramLabel = "NAME",
      description =
          "Comma-separated further names the admin API answers to in the Host header (a guard against DNS"
              + " rebinding), such as a container's service name; * for any. Always accepted: IP addresses,"
              + " localhost, the --host name and the --public-url host.")
  List<String> allowedHosts = new ArrayList<>();

  @Option(
      names = "--max-bytes-in-flight",
      paramLabel = "BYTES",
      description =
          "Most bytes of request bodies held at once over all requests; more is 503 service_unavailable with"
              + " Retry-After (default: an eighth of the maximum heap, at least --max-body-size).")
  Long maxBytesInFlight;

  @Option(
      names = "--api-keys",
      split = ",",
      paramLabel = "KEY",
      description = "Comma-separated accepted bearer keys. Default: any non-empty key; each key is its own tenant.")
  List<String> apiKeys = new ArrayList<>();

  @Option(
      names = "--max-body-size",
      paramLabel = "BYTES",
      description = "Largest request body in bytes (default: ${DEFAULT-VALUE}, 128 MiB).")
  long maxBodySize = MockConfig.DEFAULT_MAX_BODY_SIZE;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = IsoDuration.class,
      description =
          "How long a connection may stay silent before the server closes it (a client that stops mid-request),"
              + " ISO-8601 (default: PT30S).")
  Duration idleTimeout = MockConfig.DEFAULT_IDLE_TIMEOUT;

  @Option(
      names = "--media-fetch",
      arity = "1",
      paramLabel = "on|off",
      converter = OnOff.class,
      description = "Fetch image and video URLs to check them (default: on). Off: every URL counts as unreachable.")
  boolean mediaFetch = true;

  @Option(
      names = "--media-budget",
      paramLabel = "DURATION",
      converter = IsoDuration.class,
      description =
          "Most wall-clock time all media fetches of one request take together, ISO-8601 (default: PT30S); a URL"
              + " not fetched by then counts as unreachable.")
  Duration mediaBudget = RequestValidator.DEFAULT_MEDIA_BUDGET;

  @Option(
      names = "--request-log",
      arity = "1",
      paramLabel = "on|off",
      converter = OnOff.class,
      description = "Log one line per request (default: on). Off for load tests: under saturation the log costs"
          + " throughput (see docs/performance.md).")
  boolean requestLog = true;

  @Option(
      names = "--journal",
      arity = "1",
      paramLabel = "on|off",
      converter = OnOff.class,
      description = "Record every API request in the request journal, GET /__admin/requests (default: on).")
  boolean journal = true;

  @Option(
      names = "--journal-size",
      paramLabel = "N",
      description = "Most requests the journal keeps; older ones are dropped and counted (default: ${DEFAULT-VALUE}).")
  int journalSize = io.kirincontract.mock.journal.RequestJournal.DEFAULT_SIZE;

  @Option(
      names = "--media-policy",
      paramLabel = "lenient|strict",
      converter = Policy.class,
      description =
          "lenient (default): unreachable media URLs and unresolved O1 prompt references are accepted with a"
              + " warning in the task's metadata.warnings. strict: they are rejected with the rule's code.")
  MediaPolicy mediaPolicy = MediaPolicy.LENIENT;

  @Option(
      names = "--element-library",
      paramLabel = "FILE",
      description =
          "JSON file of subjects, [{\"element_id\": 829301, \"kind\": \"image\"}, ...]; enables the library rules.")
  Path elementLibrary;

  @Option(
      names = "--disable-rule",
      paramLabel = "RULE_ID",
      description =
          "TESTING ONLY, repeatable: skip this rule (still implemented) to prove that a test suite notices a"
              + " broken rule. Takes an x-kirin-rules id or a per-field rule id such as o1.prompt.max-length.")
  List<String> disabledRules = new ArrayList<>();

  @Option(
      names = "--clock",
      paramLabel = "system|manual",
      converter = ClockKindConverter.class,
      description =
          "system (default): tasks move on by themselves, at the --time-scale. manual: the clock stands still"
              + " (from the start time) and moves only with POST /__admin/clock/advance.")
  ClockKind clock = ClockKind.SYSTEM;

  @Option(
      names = "--time-scale",
      paramLabel = "FACTOR",
      description =
          "Mock seconds per real second with the system clock (default: ${DEFAULT-VALUE}); 10 makes a 4.5-second"
              + " task take 0.45 s. Task timestamps follow the mock time.")
  double timeScale = 1.0;

  @Option(
      names = "--max-tasks",
      paramLabel = "N",
      description = "Most tasks kept; the oldest finished ones are evicted beyond it (default: ${DEFAULT-VALUE}).")
  int maxTasks = TaskStore.DEFAULT_MAX_TASKS;

  @Option(
      names = "--max-tasks-per-key",
      paramLabel = "N",
      description =
          "Most tasks kept per API key; beyond it the key's own oldest finished ones are evicted, and a key whose"
              + " quota is full of unfinished tasks gets 429, other keys unaffected (default: ${DEFAULT-VALUE}).")
  int maxTasksPerKey = TaskStore.DEFAULT_MAX_TASKS_PER_KEY;

  @Option(
      names = "--max-running-tasks",
      paramLabel = "N",
      description = "Most unfinished tasks per API key; more are refused with 429 (default: 0, no limit).")
  int maxRunningTasks;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description =
          "Require Authorization: Bearer TOKEN on /__admin/ (default: the admin API is open); an empty or blank"
              + " TOKEN is refused.")
  String adminToken;

  @Option(
      names = "--public-url",
      paramLabel = "URL",
      description = "Base of result file URLs in tasks (default: http://localhost:<port>).")
  String publicUrl;

  @Option(
      names = "--callback-max-attempts",
      paramLabel = "N",
      description = "Attempts per callback, the first included (default: ${DEFAULT-VALUE}).")
  int callbackMaxAttempts = CallbackSettings.defaults().maxAttempts();

  @Option(
      names = "--callback-timeout",
      paramLabel = "DURATION",
      converter = IsoDuration.class,
      description =
          "Deadline of one callback attempt over the whole exchange (connect, headers and body), ISO-8601"
              + " (default: PT5S).")
  Duration callbackTimeout = CallbackSettings.defaults().responseTimeout();

  @Option(
      names = "--egress",
      paramLabel = "loopback|any|HOST[,HOST...]",
      converter = Egress.class,
      description =
          "Hosts the mock may fetch media from and send callbacks to (default: any). loopback: localhost, 127.x.y.z"
              + " and ::1 only; a list: loopback plus these host names, IP literals and *.suffix patterns. Names are"
              + " never resolved to decide. A refused media URL is unreachable; a refused callback is logged as"
              + " blocked. Neither is attempted.")
  EgressPolicy egress = EgressPolicy.any();

  @Option(
      names = "--callback-secret",
      paramLabel = "SECRET",
      description =
          "Sign every callback: X-Kirin-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">"
              + " with this secret (default: unsigned). Receivers verify it with KirinCallbackSignature.")
  String callbackSecret;

  @Option(
      names = "--proxy-to",
      paramLabel = "URL",
      description =
          "Drift watch: forward every /v1/ request to this upstream (the real provider) and judge each exchange"
              + " against the mock and the spec; findings at GET /__admin/drift (default: no proxy).")
  java.net.URI proxyTo;

  @Option(
      names = "--proxy-timeout",
      paramLabel = "DURATION",
      converter = IsoDuration.class,
      description =
          "Drift watch: how long to wait for the upstream's whole answer before 504 upstream_timeout, ISO-8601"
              + " (default: PT60S).")
  Duration proxyTimeout = MockConfig.DEFAULT_PROXY_TIMEOUT;

  @Option(
      names = "--proxy-record",
      paramLabel = "DIR",
      description =
          "Drift watch: write each drifted exchange that names a rule as a case file in DIR, which the conformance"
              + " suite's --cases DIR replays (default: none written).")
  java.nio.file.Path proxyRecord;

  @Option(
      names = "--fault-latency",
      paramLabel = "DURATION",
      converter = IsoDuration.class,
      description = "HTTP faults: latency added to API requests, ISO-8601 such as PT0.2S (default: none).")
  Duration faultLatency = Duration.ZERO;

  @Option(
      names = "--fault-latency-share",
      paramLabel = "SHARE",
      description = "HTTP faults: share of API requests delayed, 0 to 1 (default: 1 when --fault-latency is set).")
  Double faultLatencyShare;

  @Option(
      names = "--fault-error-share",
      paramLabel = "SHARE",
      description = "HTTP faults: share of API requests answered with --fault-error-status, 0 to 1 (default: 0).")
  double faultErrorShare;

  @Option(
      names = "--fault-error-status",
      paramLabel = "500|503",
      description = "HTTP faults: the status of failed requests (default: ${DEFAULT-VALUE}).")
  int faultErrorStatus = 503;

  @Option(
      names = "--fault-seed",
      paramLabel = "SEED",
      description = "HTTP faults: seed of the draws, for reproducible runs (default: ${DEFAULT-VALUE}).")
  long faultSeed;

  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
  private static final String LOGBACK_RESOURCE = "kirin-mock-logback.xml";

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    // Route Hibernate Validator's JBoss Logging through slf4j, like every other log line of the jar.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
    }
    // The jar's Logback configuration, unless the user names one; set before the first logger is made.
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, LOGBACK_RESOURCE);
    }
    System.exit(new CommandLine(new MockServerCommand()).execute(args));
  }

  /** The configuration these options amount to. */
  MockConfig config() {
    MockConfig config =
        new MockConfig()
            .host(host)
            .port(port)
            .apiKeys(apiKeys)
            .maxBodySize(maxBodySize)
            .idleTimeout(idleTimeout)
            .requestLog(requestLog)
            .journal(journal)
            .journalSize(journalSize)
            .mediaFetch(mediaFetch)
            .mediaBudget(mediaBudget)
            .mediaPolicy(mediaPolicy)
            .disableRules(disabledRules)
            .timeScale(timeScale)
            .maxTasks(maxTasks)
            .maxTasksPerKey(maxTasksPerKey)
            .maxRunningTasks(maxRunningTasks)
            .adminToken(adminToken)
            .publicUrl(publicUrl)
            .allowedHosts(allowedHosts)
            .egress(egress)
            .callbackSecret(callbackSecret)
            .proxyTo(proxyTo)
            .proxyTimeout(proxyTimeout)
            .proxyRecord(proxyRecord)
            .callbackSettings(
                CallbackSettings.builder()
                    .maxAttempts(callbackMaxAttempts)
                    .responseTimeout(callbackTimeout)
                    .build())
            .faults(
                new FaultSettings(
                    faultLatency,
                    faultLatencyShare != null ? faultLatencyShare : faultLatency.isZero() ? 0 : 1,
                    faultErrorShare,
                    faultErrorStatus,
                    faultSeed));
    if (clock == ClockKind.MANUAL) {
      config.manualClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
    if (elementLibrary != null) {
      config.elementLibrary(ElementLibrary.load(elementLibrary));
    }
    if (maxBytesInFlight != null) {
      config.maxBytesInFlight(maxBytesInFlight);
    }
    config.maxBytesInFlight(); // refuses a budget below the body limit now, as a usage error
    return config;
  }

  @Option(
      names = "--cds-training",
      hidden = true,
      description = "Build use: start, send the main requests, stop (the class-data sharing training run).")
  boolean cdsTraining;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    if (cdsTraining) {
      try {
        int answered = CdsTraining.run();
        spec.commandLine().getOut().println(
            "class-data sharing training: " + answered + " of " + CdsTraining.requests() + " requests answered as expected");
        return answered == CdsTraining.requests() ? 0 : 1;
      } catch (IOException | RuntimeException e) {
        spec.commandLine().getErr().println("class-data sharing training failed: " + e);
        return 1;
      }
    }
    MockConfig config;
    try {
      config = config();
    } catch (IllegalArgumentException | InvalidControlException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    KirinMockServer server;
    try {
      server = KirinMockServer.start(config);
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println("kirin-mock-server could not start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "kirin-mock-shutdown"));
    stopped.await();
    return 0;
  }

  /** {@code on}/{@code off} (also true/false, yes/no). */
  static final class OnOff implements CommandLine.ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "on", "true", "yes" -> true;
        case "off", "false", "no" -> false;
        default -> throw new CommandLine.TypeConversionException("use on or off, not " + value);
      };
    }
  }

  /** Which clock the server runs on. */
  enum ClockKind {
    SYSTEM,
    MANUAL
  }

  /** {@code system} or {@code manual}. */
  static final class ClockKindConverter implements CommandLine.ITypeConverter<ClockKind> {
    @Override
    public ClockKind convert(String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "system" -> ClockKind.SYSTEM;
        case "manual" -> ClockKind.MANUAL;
        default -> throw new CommandLine.TypeConversionException("use system or manual, not " + value);
      };
    }
  }

  /** An ISO-8601 duration: {@code PT0.5S}, {@code PT20S}. */
  static final class IsoDuration implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException(
            "use an ISO-8601 duration such as PT0.5S or PT20S, not " + value);
      }
    }
  }

  /** {@code loopback}, {@code any} or a comma-separated host list. */
  static final class Egress implements CommandLine.ITypeConverter<EgressPolicy> {
    @Override
    public EgressPolicy convert(String value) {
      try {
        return EgressPolicy.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "use loopback, any or a comma-separated list of host names (" + e.getMessage() + ")");
      }
    }
  }

  /** {@code lenient} or {@code strict}. */
  static final class Policy implements CommandLine.ITypeConverter<MediaPolicy> {
    @Override
    public MediaPolicy convert(String value) {
      try {
        return MediaPolicy.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("use lenient or strict, not " + value);
      }
    }
  }

  /** The jar's implementation version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MockServerCommand.class.getPackage().getImplementationVersion();
      return new String[] {
        "kirin-mock-server " + (version == null ? "(development build)" : version),
        "contract " + KirinSpec.load().version() + " (info.version of the spec it enforces)"
      };
    }
  }
}
