package io.kirincontract.mock.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.tasks.TaskStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --max-running-tasks}: a key with that many unfinished tasks gets {@code 429}, a {@code Retry-After}, and
 * its model's "task resource insufficient" code ({@code 006001094} for V3, {@code task_resource_insufficient}
 * otherwise). Other keys are not affected; a finished or deleted task frees its slot.
 */
class TaskLimitTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")).maxRunningTasks(2))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), "limited");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "kirin_v3_t2v, 006001094",
    "kirin_v3_i2v, 006001094",
    "kirin_video_o1, task_resource_insufficient",
    "kirin_v2_master_t2v, task_resource_insufficient",
    "kirin_v2_1_master_i2v, task_resource_insufficient"
  })
  void aKeyAtItsLimitGets429WithItsModelsCode(String model, String code) {
    api.create(Bodies.v2t2v()).assertQueued();
    api.create(Bodies.v3t2v()).assertQueued();
    MockApi.Reply refused = api.create(body(model)).assertError(429, code, null, null);
    assertThat(refused.error().path("error_message").asText())
        .contains("this key has 2 unfinished tasks, the limit is 2");
    assertThat(server.admin().taskCount()).isEqualTo(2);
  }

  @Test
  void the429CarriesRetryAfterInSeconds() throws Exception {
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v3t2v()).assertQueued();
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/videos/generations"))
                    .header("Authorization", "Bearer limited")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(MockApi.write(Bodies.v3t2v())))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).contains("5");
  }

  @Test
  void otherKeysAreNotAffectedAndAFinishedTaskFreesASlot() {
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v3t2v(), "hold=processing").assertQueued();
    api.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    api.withKey("someone-else").create(Bodies.v3t2v()).assertQueued();

    server.manualClock().advance(Duration.ofMillis(4_499));
    api.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    server.manualClock().advance(Duration.ofMillis(1));
    assertThat(server.admin().unfinishedTasks("limited")).as("the held task still counts").isEqualTo(1);
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
  }

  @Test
  void aFailedTaskFreesItsSlotToo() {
    api.create(Bodies.v3t2v(), "fail=default@queued").assertQueued();
    api.create(Bodies.v3t2v(), "fail=default@queued").assertQueued();
    api.create(Bodies.v3t2v()).assertError(429, "006001094", null, null);
    server.manualClock().advance(Duration.ofSeconds(1));
    api.create(Bodies.v3t2v()).assertQueued();
  }

  @Test
  void aRefusedCreationUsesNoScenarioRuleAndNoExternalId() {
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v3t2v()).assertQueued();
    server.admin().addScenario(ScenarioRule.next(Scenario.holding(TaskStatus.QUEUED)));
    api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("external_task_id", "later")))
        .assertError(429, "006001094", null, null);
    assertThat(server.admin().scenarios()).hasSize(1);
    server.manualClock().advance(Duration.ofMinutes(1));
    String id =
        api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("external_task_id", "later")))
            .assertQueued()
            .path("id")
            .asText();
    assertThat(server.admin().scenarios()).isEmpty();
    assertThat(server.admin().task(id).orElseThrow().heldIn()).isEqualTo(TaskStatus.QUEUED);
  }

  @Test
  void validationComesBeforeTheLimit() {
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.v3t2v()).assertQueued();
    api.create(Bodies.with(Bodies.o1(), b -> b.remove("prompt"))).assertError(400, "002015001", "prompt",
        "o1.prompt.required");
  }

  private static ObjectNode body(String model) {
    return switch (model) {
      case "kirin_v3_t2v" -> Bodies.v3t2v();
      case "kirin_v3_i2v" -> Bodies.v3i2v(Media.png(400, 300));
      case "kirin_video_o1" -> Bodies.o1();
      case "kirin_v2_master_t2v" -> Bodies.v2t2v();
      default -> Bodies.v21i2v(Media.png(400, 300));
    };
  }
}
