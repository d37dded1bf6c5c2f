package io.kirincontract.conformance.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import io.kirincontract.conformance.cases.RecordedCases;
import io.kirincontract.conformance.report.ConformanceReportListener;
import io.kirincontract.conformance.server.Connectivity;
import io.kirincontract.conformance.server.Settings;
import io.kirincontract.conformance.server.TargetUnreachableException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar kirin-conformance.jar --base-url http://host:8080 --api-key KEY}: runs the conformance suite
 * through the JUnit Platform launcher against a server (or, without {@code --base-url}, against the mock started
 * in-process) and writes JUnit XML and the conformance matrix. Exit code 0 when every case passed, 1 when some
 * failed, 2 when the server cannot be reached or the arguments are wrong.
 */
@Command(
    name = "kirin-conformance",
    mixinStandardHelpOptions = true,
    version = "kirin-conformance 0.1.0",
    description = "Checks a Kirin video-generation API server against the kirin-contract spec.",
    footer = {
      "The client subcommand grades a program that uses the API instead: client --help.",
      "The drift subcommand reports what a mock running as a proxy (--proxy-to) found: drift --help."
    })
public final class ConformanceCommand implements Callable<Integer> {

  static final String SUITE_PACKAGE = "io.kirincontract.conformance.suite";

  /** The parts of the suite that {@code --only} can pick, by name. */
  static final Map<String, String> PARTS = Map.of(
      "rules", "RuleCasesTest",
      "negative", "SpecDerivedNegativeCasesTest",
      "endpoints", "EndpointsTest",
      "lifecycle", "LifecycleTest",
      "cases", "RecordedCasesTest");

  @Option(names = "--base-url", description = "Server under test; without it the mock is started in-process.")
  String baseUrl;

  @Option(names = "--api-key", description = "Bearer key of the first tenant.")
  String apiKey;

  @Option(names = "--api-key2", description = "Bearer key of a second tenant (tenant isolation checks).")
  String apiKey2;

  @Option(names = "--strict-base-url", description = "A second server in strict media policy (mode: strict rules).")
  String strictBaseUrl;

  @Option(names = "--media-host", description = "Host name the server reaches this machine by, for served media.")
  String mediaHost;

  @Option(names = "--media-port", description = "Port of the suite's media server (default: any free port).")
  Integer mediaPort;

  @Option(names = "--models", split = ",", description = "Only the cases of these models (default: all).")
  java.util.List<String> models;

  @Option(names = "--only", split = ",", paramLabel = "PART",
      description = "Only these parts: rules, negative, endpoints, lifecycle, cases (default: all).")
  java.util.List<String> only;

  @Option(names = "--cases", paramLabel = "DIR",
      description = "Also replay the case files in DIR, such as the mock's --proxy-record writes (part: cases).")
  Path casesDir;

  @Option(names = "--lifecycle-timeout", description = "Seconds a task may take to finish (default 120).")
  Long lifecycleTimeout;

  @Option(names = "--connect-timeout", defaultValue = "3", description = "Seconds for the first connectivity check.")
  long connectTimeout;

  @Option(names = "--report-dir", defaultValue = "conformance-report", description = "Where reports are written.")
  Path reportDir;

  private final PrintWriter out;
  private final PrintWriter err;

  ConformanceCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging: to slf4j, whose levels simplelogger.properties sets
    System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
    System.exit(run(args));
  }

  /** Runs the command and returns its exit code (for tests). */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** The same, writing to {@code out} and {@code err} (usage errors, picocli's messages included) instead. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine command = new CommandLine(new ConformanceCommand(out, err));
    command.addSubcommand("client", new ClientCommand(out, err));
    command.addSubcommand("drift", new DriftCommand(out, err));
    command.setOut(out).setErr(err);
    command.setExitCodeExceptionMapper(e -> 2);
    return command.execute(args);
  }

  /** Writes the usage help of the command, or of one of its subcommands (for tests of the docs). */
  public static void usage(PrintWriter out, String... subcommand) {
    CommandLine command = new CommandLine(new ConformanceCommand(out, out));
    command.addSubcommand("client", new ClientCommand(out, out));
    command.addSubcommand("drift", new DriftCommand(out, out));
    for (String name : subcommand) {
      command = command.getSubcommands().get(name);
    }
    command.usage(out);
  }

  @Override
  public Integer call() {
    if (baseUrl != null) {
      try {
        Connectivity.check(baseUrl, Duration.ofSeconds(connectTimeout));
      } catch (TargetUnreachableException e) {
        err.println(e.getMessage());
        return 2;
      }
    }
    if (only != null && !PARTS.keySet().containsAll(only)) {
      err.println("--only takes " + new java.util.TreeSet<>(PARTS.keySet()) + ", not " + only);
      return 2;
    }
    List<DiscoverySelector> selectors = only == null
        ? List.of(selectPackage(SUITE_PACKAGE))
        : only.stream().map(part -> (DiscoverySelector) selectClass(SUITE_PACKAGE + "." + PARTS.get(part))).toList();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selectors)
            .filters(ClassNameFilter.includeClassNamePatterns(".*Test"))
            .configurationParameters(parameters())
            .build();
    // the report listener is registered here, not found through META-INF/services, so that the summary line can be
    // the last line of the output
    Launcher launcher =
        LauncherFactory.create(LauncherConfig.builder().enableTestExecutionListenerAutoRegistration(false).build());
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LegacyXmlReportGeneratingListener xml = new LegacyXmlReportGeneratingListener(reportDir.resolve("junit"), out);
    ConformanceReportListener report = new ConformanceReportListener(null);
    out.println(
        "Running the conformance suite against "
            + (baseUrl == null ? "a mock started in-process" : baseUrl)
            + "; reports go to "
            + reportDir.toAbsolutePath());
    launcher.execute(request, summary, xml, report, new ProgressListener(out));
    TestExecutionSummary result = summary.getSummary();
    if (result.getTotalFailureCount() > 0) {
      err.println("Failures:");
      result.getFailures().forEach(failure -> err.println("  " + failure.getTestIdentifier().getDisplayName() + "\n    "
          + String.valueOf(failure.getException().getMessage()).replace("\n", "\n    ")));
    }
    out.println("Reports: " + reportDir.toAbsolutePath());
    out.println(report.summary());
    return result.getTotalFailureCount() == 0 && result.getTestsFoundCount() > 0 ? 0 : 1;
  }

  private Map<String, String> parameters() {
    Map<String, String> parameters = new LinkedHashMap<>();
    put(parameters, Settings.BASE_URL, baseUrl);
    put(parameters, Settings.API_KEY, apiKey);
    put(parameters, Settings.API_KEY_2, apiKey2);
    put(parameters, Settings.STRICT_BASE_URL, strictBaseUrl);
    put(parameters, Settings.MEDIA_HOST, mediaHost);
    put(parameters, Settings.MEDIA_PORT, mediaPort == null ? null : mediaPort.toString());
    put(parameters, Settings.MODELS, models == null ? null : String.join(",", models));
    put(parameters, Settings.LIFECYCLE_TIMEOUT, lifecycleTimeout == null ? null : lifecycleTimeout.toString());
    put(parameters, Settings.CONNECT_TIMEOUT, Long.toString(connectTimeout));
    put(parameters, RecordedCases.DIRECTORY, casesDir == null ? null : casesDir.toAbsolutePath().toString());
    put(parameters, ConformanceReportListener.REPORT_DIR, reportDir.toAbsolutePath().toString());
    return parameters;
  }

  private static void put(Map<String, String> parameters, String key, String value) {
    if (value != null && !value.isBlank()) {
      parameters.put(key, value);
    }
  }
}
