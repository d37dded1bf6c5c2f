package io.kirincontract.conformance.clientkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.client.KirinClient;
import io.kirincontract.client.KirinRequests;
import io.kirincontract.client.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's own {@link KirinClient}, with its defaults, passes every check of the kit (the Java entry point). */
class KirinClientPassesTheKitTest {

  @Test
  void theKirinClientPassesEveryCheckInEveryScenario(@TempDir Path reports) {
    List<String> progress = Collections.synchronizedList(new ArrayList<>());

    ClientKitReport report = ClientKit.builder().reportDir(reports).progress(progress::add).build().run(env -> {
      try (KirinClient client = KirinClient.builder().baseUrl(env.baseUrl()).apiKey(env.apiKey()).build()) {
        Task task = client.create(KirinRequests.v2MasterTextToVideo().prompt("A paper boat on a pond").build());
        client.awaitSuccess(task, Duration.ofSeconds(45));
      }
    });

    report.assertNoCheckFailed();
    assertThat(report.passedChecks()).containsExactly(CheckId.values());
    assertThat(report.scenario(ClientScenario.HAPPY).orElseThrow().exitCode()).isZero();
    assertThat(report.scenario(ClientScenario.TASK_FAILS).orElseThrow().exitCode()).isEqualTo(1);
    assertThat(report.scenario(ClientScenario.ALWAYS_FAILING).orElseThrow().exitCode()).isEqualTo(1);
    assertThat(progress).hasSize(1 + ClientScenario.values().length)
        .anySatisfy(line -> assertThat(line).startsWith("client: happy pass (poll-interval pass"));
    assertThat(reports.resolve("client-report.json")).exists();
    assertThat(reports.resolve("client-junit.xml")).exists();
    assertThat(Files.exists(reports.resolve("client-output").resolve("lost-answer.log"))).isTrue();
  }
}
