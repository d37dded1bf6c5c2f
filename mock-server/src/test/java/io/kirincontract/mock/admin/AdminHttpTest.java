package io.kirincontract.mock.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.MockServerExtension;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.util.internal.KeyId;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only the HTTP side of the admin API has: its JSON shapes, strict bodies and query parameters, errors. */
class AdminHttpTest {

  @RegisterExtension
  static final MockServerExtension MOCK =
      MockServerExtension.builder()
          .configure(config -> config.manualClock(Instant.parse("2026-11-22T10:00:00Z")))
          .build();

  private final KirinMockServer server = MOCK.server();
  private final MockApi api = new MockApi(server.baseUrl(), "k");

  @Test
  void aTaskIsShownWithItsKeyCallbackHoldNextChangeAndTheTaskAsItsKeySeesIt() {
    String id =
        api.create(Bodies.with(Bodies.v3t2v(), b -> b.put("callback_url", "http://127.0.0.1:1/hook")), "hold=queued")
            .assertQueued()
            .path("id")
            .asText();
    JsonNode view = api.admin("GET", "/__admin/tasks/" + id, null).json();
    assertThat(view.path("key_id").asText()).isEqualTo(KeyId.of("k"));
    assertThat(view.has("key")).as("the raw key is never shown").isFalse();
    assertThat(view.path("callback_url").asText()).isEqualTo("http://127.0.0.1:1/hook");
    assertThat(view.path("held_in").asText()).isEqualTo("queued");
    assertThat(view.path("next_change_at").isNull()).isTrue();
    assertThat(view.path("task")).isEqualTo(api.task(id));

    JsonNode list = api.admin("GET", "/__admin/tasks?key=k&status=queued&model=kirin_v3_t2v&limit=5", null).json();
    assertThat(list.path("stored").asInt()).isEqualTo(1);
    assertThat(list.path("max_tasks").asInt()).isEqualTo(1_000_000);
    assertThat(list.path("evicted").asLong()).isZero();
    assertThat(list.path("tasks")).hasSize(1);
    assertThat(api.admin("GET", "/__admin/tasks?offset=1", null).json().path("tasks")).isEmpty();
    assertThat(api.admin("GET", "/__admin/tasks?model=kirin_video_o1", null).json().path("tasks")).isEmpty();
  }

  @Test
  void badQueryParametersAndBodiesAre400NamingTheField() {
    api.admin("GET", "/__admin/tasks?limit=0", null).assertError(400, "invalid_parameter", "limit", null);
    api.admin("GET", "/__admin/tasks?limit=ten", null).assertError(400, "invalid_parameter", "limit", null);
    api.admin("GET", "/__admin/tasks?status=done", null).assertError(400, "invalid_parameter", "status", null);
    String id = api.create(Bodies.v3t2v()).assertQueued().path("id").asText();
    api.admin("POST", "/__admin/tasks/" + id + "/hold", "{}").assertError(400, "invalid_parameter", "status", null);
    api.admin("POST", "/__admin/tasks/" + id + "/hold", "{\"status\": \"completed\"}")
        .assertError(400, "invalid_parameter", "status", null);
    api.admin("POST", "/__admin/tasks/" + id + "/fail", "{\"stage\": \"queued\", \"reason\": \"x\"}")
        .assertError(400, "invalid_parameter", "reason", null);
    api.admin("POST", "/__admin/tasks/" + id + "/fail", "{\"code\": 6001095}")
        .assertError(400, "invalid_parameter", "code", null);
    api.admin("POST", "/__admin/tasks/" + id + "/duration", "{\"duration\": \"PT0S\"}")
        .assertError(400, "invalid_parameter", "duration", null);
    api.admin("POST", "/__admin/tasks/" + id + "/release", "{\"now\": true}")
        .assertError(400, "invalid_parameter", "now", null);
    api.admin("POST", "/__admin/scenarios", "{\"count\": 2}").assertError(400, "invalid_parameter", "scenario", null);
    api.admin("POST", "/__admin/scenarios", "{\"scenario\": \"hold=later\"}")
        .assertError(400, "invalid_parameter", "scenario", null);
    api.admin("PUT", "/__admin/limits", "{\"max_running_tasks\": -1}")
        .assertError(400, "invalid_parameter", "max_running_tasks", null);
    api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"-PT1S\"}")
        .assertError(400, "invalid_parameter", "duration", null);
    api.admin("POST", "/__admin/reset", "[1]").assertError(400, "invalid_parameter", null, null);
    api.admin("POST", "/__admin/reset", "{").assertError(400, "invalid_json", null, null);
    api.send("POST", "/__admin/tasks/" + id + "/hold", Map.of("Content-Type", "text/plain"), "status=queued")
        .assertError(415, "unsupported_media_type", null, null);
  }

  @Test
  void unknownTasksAndRulesAre404AndAWrongStateIs409() {
    api.admin("GET", "/__admin/tasks/task_00000000000000000000000000", null)
        .assertError(404, "task_not_found", null, null);
    api.admin("DELETE", "/__admin/tasks/nonsense", null).assertError(404, "task_not_found", null, null);
    api.admin("POST", "/__admin/tasks/nonsense/release", null).assertError(404, "task_not_found", null, null);
    api.admin("DELETE", "/__admin/scenarios/99", null).assertError(404, "scenario_not_found", null, null);
    api.admin("DELETE", "/__admin/scenarios/x", null).assertError(400, "invalid_parameter", "scenario_id", null);
    String id = api.create(Bodies.v3t2v()).assertQueued().path("id").asText();
    MockApi.Reply conflict = api.admin("POST", "/__admin/tasks/" + id + "/release", null);
    conflict.assertError(409, "task_state_conflict", null, null);
    assertThat(conflict.error().path("error_message").asText()).contains("not held");
  }

  @Test
  void aScenarioRuleIsCreatedListedAndDeletedById() {
    MockApi.Reply created =
        api.admin("POST", "/__admin/scenarios",
            "{\"model\": \"kirin_video_o1\", \"key\": \"k\", \"count\": 3, \"scenario\": \"fail=002015095@queued\"}");
    assertThat(created.status()).isEqualTo(201);
    JsonNode rule = created.json();
    assertThat(rule.path("model").asText()).isEqualTo("kirin_video_o1");
    assertThat(rule.path("key_id").asText()).isEqualTo(KeyId.of("k"));
    assertThat(rule.path("count").asInt()).isEqualTo(3);
    assertThat(rule.path("remaining").asInt()).isEqualTo(3);
    assertThat(rule.path("scenario").asText()).isEqualTo("fail=002015095@queued");
    assertThat(rule.path("models")).containsExactly(MockApi.JSON.getNodeFactory().textNode("kirin_video_o1"));
    assertThat(api.admin("GET", "/__admin/scenarios", null).json().path("scenarios")).hasSize(1);
    api.admin("DELETE", "/__admin/scenarios/" + rule.path("id").asLong(), null);
    assertThat(api.admin("GET", "/__admin/scenarios", null).json().path("scenarios")).isEmpty();
  }

  @Test
  void theLimitsAndClockEndpointsShowTheirState() {
    api.admin("PUT", "/__admin/limits", "{\"max_running_tasks\": 4}");
    api.create(Bodies.v3t2v()).assertQueued();
    JsonNode limits = api.admin("GET", "/__admin/limits?key=k", null).json();
    assertThat(limits.path("max_running_tasks").asInt()).isEqualTo(4);
    assertThat(limits.path("key_id").asText()).isEqualTo(KeyId.of("k"));
    assertThat(limits.path("unfinished_tasks").asInt()).isEqualTo(1);

    Instant before = server.clock().instant();
    JsonNode clock = api.admin("POST", "/__admin/clock/advance", "{\"duration\": \"PT2S\"}").json();
    assertThat(clock.path("kind").asText()).isEqualTo("manual");
    assertThat(clock.path("now").asText()).isEqualTo(before.plusSeconds(2).toString());
    assertThat(clock.path("pending_transitions").asInt()).isEqualTo(1);
    assertThat(api.admin("GET", "/__admin/clock", null).json()).isEqualTo(clock);
  }

  @Test
  void withAnAdminTokenTheAdminApiNeedsItAndNothingElseDoes() {
    try (KirinMockServer guarded = KirinMockServer.start(config -> config.port(0).adminToken("s3cret"))) {
      MockApi anonymous = new MockApi(guarded.baseUrl(), null);
      anonymous.send("GET", "/__admin/tasks", Map.of(), null).assertError(401, "unauthorized", null, null);
      anonymous.send("POST", "/__admin/reset", Map.of("Content-Type", "application/json"), null)
          .assertError(401, "unauthorized", null, null);
      new MockApi(guarded.baseUrl(), "wrong").send("GET", "/__admin/tasks", Map.of(), null)
          .assertError(401, "unauthorized", null, null);
      assertThat(new MockApi(guarded.baseUrl(), "s3cret").send("GET", "/__admin/tasks", Map.of(), null).status())
          .isEqualTo(200);
      assertThat(anonymous.get("/health").status()).isEqualTo(200);
      new MockApi(guarded.baseUrl(), "any-key").create(Bodies.v3t2v()).assertQueued();
    }
  }
}
