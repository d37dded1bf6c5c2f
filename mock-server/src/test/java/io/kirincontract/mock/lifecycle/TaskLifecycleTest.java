package io.kirincontract.mock.lifecycle;

import static io.kirincontract.mock.support.Bodies.json;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every status path of a task on the manual clock: what {@code GET} (by id and by external id) shows at each
 * moment, with output and usage only when completed and error only when failed.
 */
class TaskLifecycleTest {

  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
  private static KirinMockServer server;
  private static MockApi api;
  private static ManualClock clock;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(START));
    api = new MockApi(server.baseUrl(), "tenant-a");
    clock = server.manualClock();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void reset() {
    server.admin().reset();
  }

  @Test
  void aTaskIsQueuedThenProcessingThenCompletedOnTheDefaultTimings() {
    Instant created = clock.instant();
    JsonNode task =
        api.create(with(Bodies.v3t2v(), b -> b.put("external_task_id", "path-1"))).assertQueued();
    String id = task.path("id").asText();
    assertThat(task.path("created_at").asText()).isEqualTo(created.toString());

    advance(999);
    assertStatus(id, "path-1", "queued", created);
    advance(1);
    JsonNode processing = assertStatus(id, "path-1", "processing", created.plusMillis(1000));
    assertThat(processing.has("output") || processing.has("usage") || processing.has("error")).isFalse();
    advance(3_499);
    assertStatus(id, "path-1", "processing", created.plusMillis(1000));
    advance(1);
    JsonNode completed = assertStatus(id, "path-1", "completed", created.plusMillis(4_500));
    assertThat(completed.path("output").path("content")).hasSize(1);
    assertThat(completed.path("output").path("content").get(0).path("type").asText()).isEqualTo("video");
    assertThat(completed.path("output").path("content").get(0).path("duration").asInt()).isEqualTo(5);
    assertThat(completed.path("output").path("content").get(0).path("watermarked").asBoolean()).isFalse();
    assertThat(completed.path("usage").path("cost").asText()).isEqualTo("0.3500");
    assertThat(completed.path("usage").path("discount").asInt()).isZero();
    assertThat(completed.has("error")).isFalse();

    advance(3_600_000);
    assertThat(api.task(id)).as("a finished task stays as it is").isEqualTo(completed);
  }

  @Test
  void proAndLongerVideosTakeLonger() {
    String pro10 = create(json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox', 'mode': 'pro', 'duration': '10'}"));
    String std10 = create(json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox', 'duration': '10'}"));
    String o1 = create(Bodies.o1()); // O1 defaults to pro, 5 s
    advance(6_249);
    assertThat(status(o1)).isEqualTo("processing");
    advance(1);
    assertThat(status(o1)).isEqualTo("completed");
    advance(6_500 - 6_250 - 1);
    assertThat(status(std10)).isEqualTo("processing");
    advance(1);
    assertThat(status(std10)).isEqualTo("completed");
    advance(9_250 - 6_500 - 1);
    assertThat(status(pro10)).isEqualTo("processing");
    advance(1);
    assertThat(status(pro10)).isEqualTo("completed");
  }

  @Test
  void aTaskFailedAtQueuedGoesStraightToFailedWithTheChosenCode() {
    Instant created = clock.instant();
    String id =
        api.create(with(Bodies.o1(), b -> b.put("external_task_id", "fails-early")), "fail=002015097@queued")
            .assertQueued()
            .path("id")
            .asText();
    advance(999);
    assertStatus(id, "fails-early", "queued", created);
    advance(1);
    JsonNode failed = assertStatus(id, "fails-early", "failed", created.plusMillis(1_000));
    assertThat(failed.path("error").path("code").asText()).isEqualTo("002015097");
    assertThat(failed.path("error").path("error_message").asText()).isEqualTo("HTTP error response");
    assertThat(failed.has("output")).isFalse();
    assertThat(failed.has("usage")).isFalse();
  }

  @Test
  void aTaskFailedAtProcessingFailsWhenItWouldHaveCompleted() {
    Instant created = clock.instant();
    String id = api.create(Bodies.v3t2v(), "fail=006001099@processing").assertQueued().path("id").asText();
    advance(1_000);
    assertThat(status(id)).isEqualTo("processing");
    advance(3_500);
    JsonNode failed = api.task(id);
    assertThat(failed.path("status").asText()).isEqualTo("failed");
    assertThat(failed.path("updated_at").asText()).isEqualTo(created.plusMillis(4_500).toString());
    assertThat(failed.path("error").path("code").asText()).isEqualTo("006001099");
    assertThat(failed.path("error").path("error_message").asText()).isEqualTo("Task creation error");
  }

  @Test
  void failWithoutAStageFailsAtProcessingAndDefaultIsTheModelsFirstCode() {
    String v2 = api.create(Bodies.v2t2v(), "fail=default").assertQueued().path("id").asText();
    String v3 = api.create(Bodies.v3t2v(), "fail=006001095").assertQueued().path("id").asText();
    advance(1_000);
    assertThat(status(v2)).isEqualTo("processing");
    assertThat(status(v3)).isEqualTo("processing");
    advance(60_000);
    assertThat(api.task(v2).path("error").path("code").asText()).isEqualTo("002016095");
    assertThat(api.task(v3).path("error").path("code").asText()).isEqualTo("006001095");
  }

  @Test
  void aHeldTaskStaysInItsStatusUntilReleasedThenMovesOnAtOnce() {
    String inProcessing = api.create(Bodies.v3t2v(), "hold=processing").assertQueued().path("id").asText();
    String inQueue = api.create(Bodies.v3t2v(), "hold=queued").assertQueued().path("id").asText();
    advance(3_600_000);
    assertThat(status(inProcessing)).isEqualTo("processing");
    assertThat(status(inQueue)).isEqualTo("queued");

    Instant releasedAt = clock.instant();
    server.admin().releaseTask(inProcessing);
    JsonNode done = api.task(inProcessing);
    assertThat(done.path("status").asText()).isEqualTo("completed");
    assertThat(done.path("updated_at").asText()).isEqualTo(releasedAt.toString());

    server.admin().releaseTask(inQueue);
    assertThat(status(inQueue)).isEqualTo("processing");
    advance(3_500);
    assertThat(status(inQueue)).as("then its normal processing time").isEqualTo("completed");
  }

  @Test
  void aTaskTakesTheTimeItIsGivenAFifthOfItQueued() {
    String id = api.create(Bodies.v3t2v(), "duration=PT20S").assertQueued().path("id").asText();
    advance(3_999);
    assertThat(status(id)).isEqualTo("queued");
    advance(1);
    assertThat(status(id)).isEqualTo("processing");
    advance(15_999);
    assertThat(status(id)).isEqualTo("processing");
    advance(1);
    assertThat(status(id)).isEqualTo("completed");
  }

  @Test
  void aScenarioCanCombineAHoldAFailureAndATime() {
    String id =
        api.create(Bodies.v3t2v(), "hold=queued; fail=006001095@processing; duration=PT10S")
            .assertQueued()
            .path("id")
            .asText();
    advance(60_000);
    assertThat(status(id)).isEqualTo("queued");
    server.admin().releaseTask(id);
    assertThat(status(id)).isEqualTo("processing");
    advance(8_000);
    assertThat(api.task(id).path("error").path("code").asText()).isEqualTo("006001095");
  }

  private static String create(JsonNode body) {
    return api.create(body).assertQueued().path("id").asText();
  }

  private static String status(String id) {
    return api.task(id).path("status").asText();
  }

  private static JsonNode assertStatus(String id, String externalId, String status, Instant updatedAt) {
    JsonNode byId = api.task(id);
    assertThat(byId.path("status").asText()).isEqualTo(status);
    assertThat(byId.path("updated_at").asText()).isEqualTo(updatedAt.toString());
    assertThat(api.get("/v1/videos/generations/external/" + externalId).json()).isEqualTo(byId);
    return byId;
  }

  private static void advance(long millis) {
    clock.advance(Duration.ofMillis(millis));
  }
}
