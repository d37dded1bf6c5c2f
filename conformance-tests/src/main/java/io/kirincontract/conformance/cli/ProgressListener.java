package io.kirincontract.conformance.cli;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * One line per part of the suite as it finishes ({@code lifecycle: poll, callbacks, output: 9 passed, 0 failed, 0
 * skipped}), so that a run of a minute or more against a slow server shows it is alive. The parts run one after
 * another, so counting since the last part finished counts that part.
 */
final class ProgressListener implements TestExecutionListener {

  private final PrintWriter out;
  private int passed;
  private int failed;
  private int skipped;

  ProgressListener(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    if (identifier.isTest()) {
      skipped++;
    } else if (isPart(identifier)) {
      out.println("  " + identifier.getDisplayName() + ": skipped (" + reason + ")");
    }
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    if (identifier.isTest()) {
      if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
        passed++;
      } else {
        failed++;
      }
    } else if (isPart(identifier)) {
      out.println(
          "  " + identifier.getDisplayName() + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped");
      passed = 0;
      failed = 0;
      skipped = 0;
    }
  }

  private static boolean isPart(TestIdentifier identifier) {
    return identifier.getSource().filter(ClassSource.class::isInstance).isPresent();
  }
}
