package io.kirincontract.conformance.clientkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.model.Task;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's own {@link KirinClient}, with its defaults, passes every check of the kit (the Java entry point). */
class KirinClientPassesTheKitTest {

  @Test
  void theKirinClientPassesEveryCheckInEveryScenario() {
    // docs:begin
    ClientKitReport report = ClientKit.builder().reportDir(Path.of("target/client-kit")).build().run(env -> {
      try (KirinClient client = KirinClient.builder().baseUrl(env.baseUrl()).apiKey(env.apiKey()).build()) {
        Task task = client.create(KirinRequests.v2MasterTextToVideo().prompt("A paper boat on a pond").build());
        client.awaitSuccess(task, Duration.ofSeconds(45));
      }
    });

    report.assertNoCheckFailed(); // an AssertionError listing each failed check with its evidence
    assertThat(report.passedChecks()).containsExactly(CheckId.values());
    // docs:end

    assertThat(report.scenario(ClientScenario.HAPPY).orElseThrow().exitCode()).isZero();
    assertThat(report.scenario(ClientScenario.TASK_FAILS).orElseThrow().exitCode()).isEqualTo(1);
    assertThat(report.scenario(ClientScenario.ALWAYS_FAILING).orElseThrow().exitCode()).isEqualTo(1);
    assertThat(Path.of("target/client-kit/client-report.json")).exists();
    assertThat(Path.of("target/client-kit/client-junit.xml")).exists();
    assertThat(Path.of("target/client-kit/client-output/lost-answer.log")).exists();
  }

  @Test
  void theKitPrintsALineAsItStartsAndAsEachScenarioEnds() {
    List<String> progress = Collections.synchronizedList(new ArrayList<>());

    ClientKitReport report = ClientKit.builder().scenarios(ClientScenario.BAD_REQUEST, ClientScenario.SERVER_ERROR)
        .progress(progress::add).build().run(env -> {
          throw new IllegalStateException("gives up at once");
        });

    assertThat(progress).hasSize(3);
    assertThat(progress.get(0)).startsWith("client: 2 scenario(s) against the mock at http://127.0.0.1:");
    assertThat(progress.subList(1, 3)).containsExactlyInAnyOrder(
        "client: bad-request not-exercised (no-retry-on-4xx not-exercised; exit 1 after "
            + report.scenario(ClientScenario.BAD_REQUEST).orElseThrow().took().toMillis() + " ms, 0 request(s))",
        "client: server-error not-exercised (server-error-retried not-exercised; exit 1 after "
            + report.scenario(ClientScenario.SERVER_ERROR).orElseThrow().took().toMillis() + " ms, 0 request(s))");
  }

  @Test
  void aRunnableReadsItsScenariosBaseUrlKeyAndModelFromTheCurrentEnvironment() {
    Runnable program = () -> {
      ClientEnvironment env = ClientEnvironment.current();
      try (KirinClient client = KirinClient.builder().baseUrl(env.baseUrl()).apiKey(env.apiKey()).build()) {
        client.create(KirinRequests.v2MasterTextToVideo().prompt("A paper boat on a pond").build());
      }
    };

    ClientKitReport report = ClientKit.builder().scenarios(ClientScenario.BAD_REQUEST).build().run(program);

    ScenarioResult badRequest = report.scenario(ClientScenario.BAD_REQUEST).orElseThrow();
    assertThat(badRequest.requests()).isEqualTo(1);
    assertThat(badRequest.exitCode()).isEqualTo(1);
    assertThat(report.verdict(CheckId.NO_RETRY_ON_4XX)).isEqualTo(Verdict.PASS);
  }

  @Test
  void outsideARunThereIsNoCurrentEnvironment() {
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(ClientEnvironment::current)
        .withMessageContaining("no client kit scenario");
  }
}
