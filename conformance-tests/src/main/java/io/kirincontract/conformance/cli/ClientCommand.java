package io.kirincontract.conformance.cli;

import io.kirincontract.conformance.clientkit.ClientKit;
import io.kirincontract.conformance.clientkit.ClientKitException;
import io.kirincontract.conformance.clientkit.ClientKitReport;
import io.kirincontract.conformance.clientkit.ClientScenario;
import io.kirincontract.conformance.clientkit.Thresholds;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kirin-conformance client [--report-dir DIR] [--scenarios ...] [--run-timeout PT60S] -- COMMAND ARGS...}: the
 * client conformance kit (DESIGN §6). Exit code 0 when no check failed, 1 when one did, 2 when the kit could not run.
 */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Grades a program that uses the Kirin API: runs COMMAND once per scenario against a mock armed for it, with",
      "KIRIN_BASE_URL, KIRIN_API_KEY and KIRIN_MODEL in its environment, and grades each run from the mock's journal.",
      "The program creates one task for KIRIN_MODEL, waits for its end, exits 0 if it completed, non-zero otherwise."})
final class ClientCommand implements Callable<Integer> {

  @Option(names = "--report-dir", defaultValue = "client-report",
      description = "Where client-report.json, .md, .html, client-junit.xml and each run's output go (default: "
          + "${DEFAULT-VALUE}).")
  Path reportDir;

  @Option(names = "--scenarios", split = ",", paramLabel = "SCENARIO",
      description = "Only these scenarios: happy, rate-limited, server-error, lost-answer, bad-request, always-failing,"
          + " task-fails (default: all).")
  List<String> scenarios;

  @Option(names = "--run-timeout", defaultValue = "PT60S", converter = DurationConverter.class,
      description = "How long the program may run per scenario, ISO-8601 (default: ${DEFAULT-VALUE}); then it and its"
          + " child processes are killed.")
  Duration runTimeout;

  @Option(names = "--model", defaultValue = ClientKit.DEFAULT_MODEL,
      description = "The model given as KIRIN_MODEL (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(names = "--retry-after-tolerance", defaultValue = "PT0.1S", converter = DurationConverter.class,
      description = "retry-after-honoured: how much sooner than Retry-After a request may come (default: "
          + "${DEFAULT-VALUE}).")
  Duration retryAfterTolerance;

  @Option(names = "--max-retries", defaultValue = "5",
      description = "bounded-retries: creates allowed after consecutive failures (default: ${DEFAULT-VALUE}).")
  int maxRetries;

  @Option(names = "--poll-interval", defaultValue = "PT1S", converter = DurationConverter.class,
      description = "poll-interval: the least median gap between polls of a task (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The program and its arguments, after --.")
  List<String> command;

  private final PrintWriter out;
  private final PrintWriter err;

  ClientCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    List<ClientScenario> chosen = new ArrayList<>();
    for (String id : scenarios == null ? List.<String>of() : scenarios) {
      ClientScenario scenario = ClientScenario.byId(id.trim()).orElse(null);
      if (scenario == null) {
        err.println("--scenarios takes " + Arrays.stream(ClientScenario.values()).map(ClientScenario::id).toList()
            + ", not " + id);
        return 2;
      }
      chosen.add(scenario);
    }
    if (maxRetries < 0 || runTimeout.isNegative() || runTimeout.isZero() || retryAfterTolerance.isNegative()
        || pollInterval.isNegative()) {
      err.println("--max-retries, --run-timeout, --retry-after-tolerance and --poll-interval must not be negative"
          + " (and --run-timeout more than zero)");
      return 2;
    }
    String program = command.get(0);
    if (!found(program)) {
      err.println("command not found: " + program);
      return 2;
    }
    ClientKit.Builder kit = ClientKit.builder()
        .runTimeout(runTimeout)
        .model(model)
        .thresholds(new Thresholds(retryAfterTolerance, maxRetries, pollInterval))
        .reportDir(reportDir)
        .progress(out::println);
    if (!chosen.isEmpty()) {
      kit.scenarios(chosen);
    }
    ClientKitReport report;
    try {
      report = kit.build().run(command);
    } catch (ClientKitException e) {
      err.println("the client kit could not run: " + e.getMessage());
      return 2;
    }
    report.failures().forEach(failure -> err.println("  failed: " + failure));
    out.println("Reports: " + reportDir.toAbsolutePath());
    out.println(report.summaryLine());
    return report.passed() ? 0 : 1;
  }

  /** Whether the program can be started: a path to an executable file, or a name found on the PATH. */
  static boolean found(String program) {
    if (program.contains("/") || program.contains(File.separator)) {
      return Files.isExecutable(Path.of(program));
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return true;
    }
    List<String> suffixes = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows")
        ? List.of("", ".exe", ".cmd", ".bat") : List.of("");
    for (String dir : path.split(File.pathSeparator)) {
      for (String suffix : suffixes) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program + suffix))) {
          return true;
        }
      }
    }
    return false;
  }

  /** ISO-8601 durations ({@code PT60S}, {@code PT0.1S}), or plain seconds ({@code 60}). */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return value.matches("[0-9]+(\\.[0-9]+)?")
            ? Duration.ofNanos((long) (Double.parseDouble(value) * 1e9))
            : Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "not a duration: " + value + " (ISO-8601 such as PT60S or PT0.5S, or seconds)");
      }
    }
  }
}
