package io.kirincontract.mock.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs a fixture class (a nested class the build does not run by itself) through the Jupiter engine. */
final class TestKit {

  private TestKit() {}

  /** The events of running {@code fixture}'s tests and containers. */
  static EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }

  /** Runs {@code fixture} and checks that its {@code tests} tests all passed, showing any failure's cause. */
  static void assertAllPass(Class<?> fixture, int tests) {
    EngineExecutionResults results = run(fixture);
    List<String> failures =
        results.allEvents().stream()
            .filter(event -> event.getPayload(TestExecutionResult.class).isPresent())
            .filter(event -> result(event).getStatus() != TestExecutionResult.Status.SUCCESSFUL)
            .map(event -> event.getTestDescriptor().getDisplayName() + ": " + result(event).getThrowable().orElse(null))
            .toList();
    assertThat(failures).as("failures in %s", fixture.getSimpleName()).isEmpty();
    assertThat(results.testEvents().succeeded().count()).isEqualTo(tests);
  }

  /** The first failure's cause when running {@code fixture}, from a test or a container. */
  static Throwable firstFailure(Class<?> fixture) {
    return run(fixture).allEvents().failed().stream()
        .map(event -> result(event).getThrowable().orElseThrow())
        .findFirst()
        .orElseThrow(() -> new AssertionError(fixture.getSimpleName() + " did not fail"));
  }

  private static TestExecutionResult result(Event event) {
    return event.getPayload(TestExecutionResult.class).orElseThrow();
  }
}
