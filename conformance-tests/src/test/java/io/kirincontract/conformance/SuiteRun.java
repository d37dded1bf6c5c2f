package io.kirincontract.conformance;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs classes of the suite through the JUnit Platform launcher, as a user's run would, and keeps the outcomes. */
final class SuiteRun {

  /** One finished test or failed container. */
  record Outcome(String name, boolean test, TestExecutionResult.Status status, String message) {}

  private SuiteRun() {}

  static List<Outcome> run(Map<String, String> configuration, String... suiteClasses) {
    List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    LauncherDiscoveryRequestBuilder builder = LauncherDiscoveryRequestBuilder.request().configurationParameters(configuration);
    for (String name : suiteClasses) {
      builder.selectors(selectClass("io.kirincontract.conformance.suite." + name));
    }
    LauncherDiscoveryRequest request = builder.build();
    LauncherFactory.create().execute(request, new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() || result.getStatus() == TestExecutionResult.Status.FAILED) {
          outcomes.add(new Outcome(identifier.getDisplayName(), identifier.isTest(), result.getStatus(),
              result.getThrowable().map(t -> String.valueOf(t.getMessage())).orElse("")));
        }
      }
    });
    return List.copyOf(outcomes);
  }

  static List<Outcome> failures(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.status() == TestExecutionResult.Status.FAILED).toList();
  }
}
