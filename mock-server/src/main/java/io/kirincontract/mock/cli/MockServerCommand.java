package io.kirincontract.mock.cli;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.MockConfig;
import io.kirincontract.mock.rules.ElementLibrary;
import java.nio.file.Path;
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
            + " rejects with the same error code, and says what to fix. Serves the spec at /openapi.yaml.%n")
public final class MockServerCommand implements Callable<Integer> {

  @Option(names = "--port", description = "Port to listen on; 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port = MockConfig.DEFAULT_PORT;

  @Option(names = "--host", description = "Interface to listen on (default: ${DEFAULT-VALUE}, all interfaces).")
  String host = "0.0.0.0";

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
      names = "--media-fetch",
      arity = "1",
      paramLabel = "on|off",
      converter = OnOff.class,
      description = "Fetch image and video URLs to check them (default: on). Off: every URL counts as unreachable.")
  boolean mediaFetch = true;

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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final CountDownLatch stopped = new CountDownLatch(1);

  public static void main(String[] args) {
    // Route Hibernate Validator's JBoss Logging through slf4j, like every other log line of the jar.
    if (System.getProperty("org.jboss.logging.provider") == null) {
      System.setProperty("org.jboss.logging.provider", "slf4j");
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
            .mediaFetch(mediaFetch)
            .mediaPolicy(mediaPolicy)
            .disableRules(disabledRules);
    if (elementLibrary != null) {
      config.elementLibrary(ElementLibrary.load(elementLibrary));
    }
    return config;
  }

  @Override
  public Integer call() throws InterruptedException {
    KirinMockServer server;
    try {
      server = KirinMockServer.start(config());
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
      return new String[] {"kirin-mock-server " + (version == null ? "(development build)" : version)};
    }
  }
}
