package io.kirincontract.conformance.report;

import io.kirincontract.conformance.cases.CaseNames;
import io.kirincontract.conformance.server.Settings;
import io.kirincontract.spec.KirinSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Collects the outcome of every test of a run and, at its end, writes the conformance matrix
 * ({@code conformance-report.md} and {@code .html}) to {@code kirin.reportDir} and prints the one-line summary
 * ({@code conformance: 212 passed, 0 failed, 14 skipped}). Registered through {@code META-INF/services}; does
 * nothing in a run without {@code kirin.reportDir} (the suite's own tests, for example).
 */
public final class ConformanceReportListener implements TestExecutionListener {

  public static final String REPORT_DIR = "kirin.reportDir";

  private final PrintStream console;
  private volatile String summary = "";
  private final List<CaseResult> results = new CopyOnWriteArrayList<>();
  private Optional<Path> directory = Optional.empty();
  private String target = "";

  public ConformanceReportListener() {
    this(System.out);
  }

  /** @param console where the summary line goes at the end of a run; {@code null} to print nothing */
  public ConformanceReportListener(PrintStream console) {
    this.console = console;
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    results.clear();
    var parameters = testPlan.getConfigurationParameters();
    directory = parameters.get(REPORT_DIR).filter(dir -> !dir.isBlank()).map(Path::of);
    target = parameters.get(Settings.BASE_URL).filter(url -> !url.isBlank()).orElse("in-process mock");
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    if (test.isTest()) {
      record(test, CaseResult.Outcome.SKIPPED, reason);
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (!test.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.FAILED) {
        // a container that failed (a class whose server is unreachable): its tests never ran
        record(test, CaseResult.Outcome.FAILED, message(result));
      }
      return;
    }
    CaseResult.Outcome outcome =
        switch (result.getStatus()) {
          case SUCCESSFUL -> CaseResult.Outcome.PASSED;
          case ABORTED -> CaseResult.Outcome.SKIPPED;
          case FAILED -> CaseResult.Outcome.FAILED;
        };
    record(test, outcome, message(result));
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    if (directory.isEmpty()) {
      return;
    }
    ConformanceMatrix matrix = new ConformanceMatrix(KirinSpec.load(), results);
    ReportWriter.write(matrix, target, directory.get());
    summary = matrix.summary();
    if (console != null) {
      console.println(summary);
    }
  }

  /** The summary line of the last run that wrote a report, else empty. */
  public String summary() {
    return summary;
  }

  /** The results so far (for tests). */
  public List<CaseResult> results() {
    return List.copyOf(results);
  }

  private void record(TestIdentifier test, CaseResult.Outcome outcome, String message) {
    String name = test.getDisplayName();
    Optional<CaseNames.Parts> parts = CaseNames.parse(name);
    results.add(new CaseResult(
        name, parts.map(CaseNames.Parts::rule).orElse(null), parts.map(CaseNames.Parts::model).orElse(null),
        outcome, message));
  }

  private static String message(TestExecutionResult result) {
    return result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("");
  }
}
