package io.kirincontract.conformance.clientkit;

import io.kirincontract.conformance.clientkit.report.ClientReportFiles;
import io.kirincontract.conformance.clientkit.run.CommandRunner;
import io.kirincontract.conformance.clientkit.run.JavaRunner;
import io.kirincontract.conformance.clientkit.run.KitMock;
import io.kirincontract.conformance.clientkit.run.ProgramRunner;
import io.kirincontract.conformance.clientkit.run.ScenarioRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * The client conformance kit, from Java: runs a program that uses the Kirin API once per scenario against a mock
 * armed for that scenario, and grades each run from the mock's journal.
 *
 * <pre>{@code
 * ClientKitReport report = ClientKit.builder().build().run(env -> {
 *   try (KirinClient client = KirinClient.builder().baseUrl(env.baseUrl()).apiKey(env.apiKey()).build()) {
 *     Task task = client.create(...);               // a request for env.model()
 *     client.awaitSuccess(task, Duration.ofMinutes(1));
 *   }
 * });
 * report.assertNoCheckFailed();
 * }</pre>
 *
 * <p>The command line ({@code kirin-conformance.jar client -- COMMAND ARGS...}) is {@link #run(List)}.
 */
public final class ClientKit {

  /** The model programs are asked to use unless another is given. */
  public static final String DEFAULT_MODEL = "kirin_v2_master_t2v";
  /** How long a program may run per scenario unless told otherwise. */
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofSeconds(60);
  /** How much faster than real time the kit's mock runs. */
  public static final double DEFAULT_TIME_SCALE = 2.5;
  /** How long a task takes in the mock's time (about 4 s of real time at the default scale). */
  public static final Duration DEFAULT_TASK_DURATION = Duration.ofSeconds(10);

  private final List<ClientScenario> scenarios;
  private final Duration runTimeout;
  private final Thresholds thresholds;
  private final String model;
  private final Path reportDir;
  private final Consumer<String> progress;
  private final double timeScale;
  private final Duration taskDuration;

  private ClientKit(Builder builder) {
    this.scenarios = List.copyOf(builder.scenarios);
    this.runTimeout = builder.runTimeout;
    this.thresholds = builder.thresholds;
    this.model = builder.model;
    this.reportDir = builder.reportDir;
    this.progress = builder.progress;
    this.timeScale = builder.timeScale;
    this.taskDuration = builder.taskDuration;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Grades a Java program (see {@link ClientProgram}); returns the report, also written if a report dir was given. */
  public ClientKitReport run(ClientProgram program) {
    return run(new JavaRunner(Objects.requireNonNull(program, "program"), "Java program " + program.getClass()
        .getName()));
  }

  /**
   * Grades a Java program that takes no arguments: it reads the scenario's base URL, key and model from {@link
   * ClientEnvironment#current()}. Returning means the task completed; throwing means it did not.
   */
  public ClientKitReport run(Runnable program) {
    Objects.requireNonNull(program, "program");
    return run(new JavaRunner(env -> program.run(), "Java program " + program.getClass().getName()));
  }

  /** Grades a command, run once per scenario with the {@code KIRIN_*} variables in its environment. */
  public ClientKitReport run(List<String> command) {
    return run(new CommandRunner(command));
  }

  private ClientKitReport run(ProgramRunner runner) {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    Path outputs = outputDir();
    List<ScenarioResult> results = new ArrayList<>();
    try (KitMock mock = KitMock.start(timeScale, taskDuration)) {
      progress.accept("client: " + scenarios.size() + " scenario(s) against the mock at " + mock.baseUrl()
          + " (tasks take " + mock.realTaskDuration().toMillis() + " ms), time limit " + runTimeout + " each");
      ExecutorService pool = Executors.newFixedThreadPool(scenarios.size(), runnable -> {
        Thread thread = new Thread(runnable, "client-kit-scenario");
        thread.setDaemon(true);
        return thread;
      });
      try {
        List<Future<ScenarioResult>> futures = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
          ScenarioRun run = new ScenarioRun(mock, runner, scenarios.get(i), "kit-" + scenarios.get(i).id() + "-"
              + (i + 1), model, runTimeout, thresholds, outputs);
          futures.add(pool.submit(() -> {
            ScenarioResult result = run.call();
            progress.accept(progressLine(result));
            return result;
          }));
        }
        for (Future<ScenarioResult> future : futures) {
          results.add(future.get());
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof ClientKitException kit) {
          throw kit;
        }
        throw new ClientKitException("a scenario could not be run: " + e.getCause(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ClientKitException("interrupted", e);
      } finally {
        pool.shutdownNow();
      }
    }
    ClientKitReport report = new ClientKitReport(runner.describe(), started,
        Duration.ofNanos(System.nanoTime() - startNanos), thresholds, results);
    if (reportDir != null) {
      ClientReportFiles.write(report, reportDir);
    }
    return report;
  }

  private Path outputDir() {
    try {
      if (reportDir != null) {
        return Files.createDirectories(reportDir.resolve("client-output"));
      }
      return Files.createTempDirectory("client-kit-output");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make the output directory: " + e.getMessage(), e);
    }
  }

  static String progressLine(ScenarioResult result) {
    StringBuilder line = new StringBuilder("client: ").append(result.scenario().id()).append(' ')
        .append(result.verdict().id()).append(" (");
    for (int i = 0; i < result.checks().size(); i++) {
      CheckResult check = result.checks().get(i);
      line.append(i == 0 ? "" : ", ").append(check.check().id()).append(' ').append(check.verdict().id());
    }
    return line.append("; ").append(result.ending()).append(" after ").append(result.took().toMillis())
        .append(" ms, ").append(result.requests()).append(" request(s))").toString();
  }

  /** Builds a {@link ClientKit}; every setting has a default. */
  public static final class Builder {

    private List<ClientScenario> scenarios = List.of(ClientScenario.values());
    private Duration runTimeout = DEFAULT_RUN_TIMEOUT;
    private Thresholds thresholds = Thresholds.DEFAULTS;
    private String model = DEFAULT_MODEL;
    private Path reportDir;
    private Consumer<String> progress = line -> { };
    private double timeScale = DEFAULT_TIME_SCALE;
    private Duration taskDuration = DEFAULT_TASK_DURATION;

    private Builder() {}

    /** The scenarios to run (default: all seven). */
    public Builder scenarios(List<ClientScenario> scenarios) {
      if (scenarios.isEmpty()) {
        throw new IllegalArgumentException("give at least one scenario");
      }
      this.scenarios = List.copyOf(scenarios);
      return this;
    }

    public Builder scenarios(ClientScenario... scenarios) {
      return scenarios(List.of(scenarios));
    }

    /** How long the program may run per scenario (default 60 s); then it is stopped. */
    public Builder runTimeout(Duration runTimeout) {
      if (runTimeout.isNegative() || runTimeout.isZero()) {
        throw new IllegalArgumentException("the run timeout must be more than zero: " + runTimeout);
      }
      this.runTimeout = runTimeout;
      return this;
    }

    public Builder thresholds(Thresholds thresholds) {
      this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
      return this;
    }

    /** The model programs are asked to create a task for ({@code KIRIN_MODEL}, default {@value #DEFAULT_MODEL}). */
    public Builder model(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Where to write the reports and each run's output (default: reports not written). */
    public Builder reportDir(Path reportDir) {
      this.reportDir = reportDir;
      return this;
    }

    /** Told a line when the kit starts and as each scenario ends. */
    public Builder progress(Consumer<String> progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /** How much faster than real time the mock runs (default 2.5). */
    public Builder timeScale(double timeScale) {
      this.timeScale = timeScale;
      return this;
    }

    /** How long each task takes in the mock's time (default 10 s). */
    public Builder taskDuration(Duration taskDuration) {
      this.taskDuration = Objects.requireNonNull(taskDuration, "taskDuration");
      return this;
    }

    public ClientKit build() {
      return new ClientKit(this);
    }
  }
}
