package io.kirincontract.mock.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code X-Kirin-Mock-Scenario} is read strictly; a bad header is a 400 that says what is allowed. */
class ScenarioHeaderTest {

  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-11-22T10:00:00Z")));
    api = new MockApi(server.baseUrl(), "tenant-a");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void everyDirectiveAndTheirCombinationAreRead() {
    assertThat(ScenarioHeader.parse("fail=002015095@processing"))
        .isEqualTo(Scenario.failing("002015095", TaskStatus.PROCESSING));
    assertThat(ScenarioHeader.parse("fail=002015095")).isEqualTo(Scenario.failing("002015095", TaskStatus.PROCESSING));
    assertThat(ScenarioHeader.parse("fail=8002009098@queued"))
        .isEqualTo(Scenario.failing("8002009098", TaskStatus.QUEUED));
    assertThat(ScenarioHeader.parse("fail=default@queued")).isEqualTo(Scenario.failing(null, TaskStatus.QUEUED));
    assertThat(ScenarioHeader.parse("hold=processing")).isEqualTo(Scenario.holding(TaskStatus.PROCESSING));
    assertThat(ScenarioHeader.parse("hold=queued")).isEqualTo(Scenario.holding(TaskStatus.QUEUED));
    assertThat(ScenarioHeader.parse("duration=PT20S")).isEqualTo(Scenario.taking(Duration.ofSeconds(20)));
    assertThat(ScenarioHeader.parse(" duration=PT1M30S ;hold=queued; fail=006001095 "))
        .isEqualTo(
            new Scenario(
                new Scenario.Failure("006001095", TaskStatus.PROCESSING), TaskStatus.QUEUED, Duration.ofSeconds(90)));
    assertThat(ScenarioHeader.parse("fail=006001095@queued; duration=PT5S").toString())
        .isEqualTo("fail=006001095@queued; duration=PT5S");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "explode=now",
        "fail",
        "fail=",
        "fail=002015095@completed",
        "fail=002015095@",
        "fail=0020 15095",
        "hold=completed",
        "hold=Processing",
        "duration=20s",
        "duration=PT0S",
        "duration=-PT5S",
        "duration=PT25H",
        "hold=queued; hold=processing",
        "hold=queued,duration=PT5S",
        "hold=processing; fail=002015095@queued",
        "fail=002015095;"
      })
  void aMalformedHeaderIs400SayingWhatIsAllowed(String header) {
    int before = server.admin().taskCount();
    MockApi.Reply reply = api.create(Bodies.o1(), header).assertError(400, "invalid_parameter", "X-Kirin-Mock-Scenario", null);
    assertThat(reply.error().path("error_message").asText())
        .startsWith("X-Kirin-Mock-Scenario ")
        .contains("Allowed: fail=<generation-failure code of the model, or default>[@queued|@processing]")
        .contains("hold=queued|processing", "duration=<ISO-8601 duration");
    assertThat(server.admin().taskCount()).as("no task was created").isEqualTo(before);
  }

  @Test
  void aCodeThatIsNotAGenerationCodeOfTheModelIs400ListingTheModelsCodes() {
    assertThat(
            api.create(Bodies.v3t2v(), "fail=002015095")
                .assertError(400, "invalid_parameter", "X-Kirin-Mock-Scenario", null)
                .error()
                .path("error_message")
                .asText())
        .contains("002015095 is not a generation-failure code of kirin_v3_t2v; use one of 006001095, 006001099");
    String message =
        api.create(Bodies.o1(), "fail=002015001")
            .assertError(400, "invalid_parameter", "X-Kirin-Mock-Scenario", null)
            .error()
            .path("error_message")
            .asText();
    assertThat(message).as("a request code is not a generation code").contains("002015001 is not a generation-failure");
  }

  @Test
  void theBodyIsStillValidatedWithAValidHeader() {
    api.create(Bodies.with(Bodies.o1(), b -> b.remove("prompt")), "hold=queued")
        .assertError(400, "002015001", "prompt", "o1.prompt.required");
  }

  @Test
  void theJavaFormRejectsInconsistentScenarios() {
    assertThatThrownBy(() -> Scenario.holding(TaskStatus.COMPLETED)).isInstanceOf(InvalidControlException.class);
    assertThatThrownBy(() -> Scenario.failing("x", TaskStatus.FAILED)).isInstanceOf(InvalidControlException.class);
    assertThatThrownBy(() -> Scenario.taking(Duration.ZERO)).isInstanceOf(InvalidControlException.class);
    assertThatThrownBy(
            () ->
                new Scenario(new Scenario.Failure("c", TaskStatus.QUEUED), TaskStatus.PROCESSING, null))
        .hasMessageContaining("never reaches processing");
  }
}
