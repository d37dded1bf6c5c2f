package io.kirincontract.conformance.clientkit.run;

import io.kirincontract.conformance.clientkit.CheckResult;
import io.kirincontract.conformance.clientkit.ClientEnvironment;
import io.kirincontract.conformance.clientkit.ClientScenario;
import io.kirincontract.conformance.clientkit.ScenarioResult;
import io.kirincontract.conformance.clientkit.Thresholds;
import io.kirincontract.conformance.clientkit.grading.Grader;
import io.kirincontract.conformance.clientkit.grading.RunRecord;
import io.kirincontract.mock.util.internal.KeyId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** One scenario: arm the mock for a fresh key, run the program once, grade the run. */
public final class ScenarioRun implements Callable<ScenarioResult> {

  private final KitMock mock;
  private final ProgramRunner runner;
  private final ClientScenario scenario;
  private final String key;
  private final String model;
  private final Duration timeout;
  private final Thresholds thresholds;
  private final Path outputs;

  public ScenarioRun(KitMock mock, ProgramRunner runner, ClientScenario scenario, String key, String model,
      Duration timeout, Thresholds thresholds, Path outputs) {
    this.mock = mock;
    this.runner = runner;
    this.scenario = scenario;
    this.key = key;
    this.model = model;
    this.timeout = timeout;
    this.thresholds = thresholds;
    this.outputs = outputs;
  }

  @Override
  public ScenarioResult call() {
    Armed armed = mock.arm(scenario, key);
    Path output = outputs.resolve(scenario.id() + ".log");
    long start = System.nanoTime();
    Integer exitCode = runner.run(new ClientEnvironment(mock.baseUrl(), key, model), output, timeout);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    RunRecord record = mock.collect(scenario, key, armed, exitCode);
    List<CheckResult> checks =
        scenario.checks().stream().map(check -> Grader.of(check).grade(record, thresholds)).toList();
    String relative = outputs.getParent() == null ? output.toString()
        : outputs.getParent().relativize(output).toString();
    return new ScenarioResult(scenario, KeyId.of(key), exitCode, took, record.entries().size(), relative, checks);
  }
}
