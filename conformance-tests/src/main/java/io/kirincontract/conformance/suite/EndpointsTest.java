package io.kirincontract.conformance.suite;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.conformance.http.Answer;
import io.kirincontract.conformance.http.KirinApi;
import io.kirincontract.conformance.server.Conformance;
import io.kirincontract.conformance.server.ConformanceExtension;
import io.restassured.http.ContentType;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP surface outside the models' rules: authentication on every endpoint, unknown tasks, bodies that are not
 * requests, external ids and tenant isolation. Every answer is also checked against the spec by the filter.
 */
@ExtendWith(ConformanceExtension.class)
@DisplayName("endpoints: auth, errors, external ids, tenants")
class EndpointsTest {

  private static final String TEXT_REQUEST =
      "{\"model\":\"kirin_v2_master_t2v\",\"prompt\":\"A lighthouse at dusk\",\"duration\":\"5\"%s}";

  private Conformance conformance;
  private KirinApi api;

  @BeforeEach
  void setUp(Conformance conformance) {
    this.conformance = conformance;
    this.api = conformance.api();
  }

  @Test
  @DisplayName("create without a key is 401 unauthorized")
  void createWithoutKey() {
    Answer answer = Answer.of(api.withKey(null).create(request(Optional.empty())));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(401);
    assertThat(answer.errorCode()).contains("unauthorized");
  }

  @Test
  @DisplayName("create of kirin_v2_1_master_i2v without a key is 401 with its seed code 8002009006")
  void createV21WithoutKey() {
    String body = "{\"model\":\"kirin_v2_1_master_i2v\",\"image\":\"" + conformance.fixtures().resolve("$png(1280x720)")
        + "\"}";
    Answer answer = Answer.of(api.withKey(null).create(body));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(401);
    assertThat(answer.errorCode()).contains("8002009006");
  }

  @Test
  @DisplayName("create with a key the server does not know is 401")
  void createWithUnknownKey() {
    Answer answer = Answer.of(api.withKey("conformance-unknown-" + UUID.randomUUID()).create(request(Optional.empty())));
    assertThat(answer.status())
        .as("%s%n(a mock started without --api-keys accepts any key: start it with --api-keys naming the suite's keys)",
            answer.describe())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("get by id and by external id without a key are 401 unauthorized")
  void getWithoutKey() {
    Answer byId = Answer.of(api.withKey(null).get("task-" + UUID.randomUUID()));
    Answer byExternal = Answer.of(api.withKey(null).getByExternalId("order-" + UUID.randomUUID()));
    assertThat(byId.status()).as(byId.describe()).isEqualTo(401);
    assertThat(byId.errorCode()).contains("unauthorized");
    assertThat(byExternal.status()).as(byExternal.describe()).isEqualTo(401);
    assertThat(byExternal.errorCode()).contains("unauthorized");
  }

  @Test
  @DisplayName("an unknown task id and an unknown external id are 404 task_not_found")
  void unknownTask() {
    Answer byId = Answer.of(api.get("task-" + UUID.randomUUID()));
    Answer byExternal = Answer.of(api.getByExternalId("order-" + UUID.randomUUID()));
    assertThat(byId.status()).as(byId.describe()).isEqualTo(404);
    assertThat(byId.errorCode()).contains("task_not_found");
    assertThat(byExternal.status()).as(byExternal.describe()).isEqualTo(404);
    assertThat(byExternal.errorCode()).contains("task_not_found");
  }

  @Test
  @DisplayName("an unknown model is 400 unknown_model naming model")
  void unknownModel() {
    Answer answer = Answer.of(api.create("{\"model\":\"kirin_v9_dream\",\"prompt\":\"x\"}"));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
    assertThat(answer.errorCode()).contains("unknown_model");
    assertThat(answer.errorParam()).contains("model");
  }

  @Test
  @DisplayName("a body that is not JSON is 400 invalid_json")
  void invalidJson() {
    Answer answer = Answer.of(api.create("{\"model\": \"kirin_v3_t2v\", "));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
    assertThat(answer.errorCode()).contains("invalid_json");
  }

  @Test
  @DisplayName("a body that is not application/json is 415 unsupported_media_type")
  void notJson() {
    Answer answer = Answer.of(api.request().contentType(ContentType.TEXT).body("model=kirin_v3_t2v").post(KirinApi.CREATE));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(415);
    assertThat(answer.errorCode()).contains("unsupported_media_type");
  }

  @Test
  @DisplayName("a property the spec does not define is accepted and reported in metadata.warnings")
  void unknownPropertyIsAWarning() {
    Answer answer = Answer.of(api.create(String.format(TEXT_REQUEST, ",\"camera_shake\":\"lots\"")));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
    assertThat(answer.json().path("metadata").path("warnings").toString()).contains("camera_shake");
  }

  @Test
  @DisplayName("null for an optional field counts as absent (serializers send it for unset fields)")
  void nullForAnOptionalFieldIsAbsent() {
    Answer answer =
        Answer.of(
            api.create(
                String.format(
                    TEXT_REQUEST,
                    ",\"negative_prompt\":null,\"aspect_ratio\":null,\"callback_url\":null,\"watermark_info\":null,"
                        + "\"external_task_id\":null")));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(200);
    assertThat(answer.json().path("status").asText()).isEqualTo("queued");
    assertThat(answer.json().has("external_task_id") && !answer.json().path("external_task_id").isNull())
        .as("no external_task_id was given")
        .isFalse();
  }

  @Test
  @DisplayName("null for a required field is refused as missing, naming it")
  void nullForARequiredFieldIsMissing() {
    Answer answer =
        Answer.of(api.create("{\"model\":\"kirin_video_o1\",\"prompt\":null,\"aspect_ratio\":\"16:9\"}"));
    assertThat(answer.status()).as(answer.describe()).isEqualTo(400);
    assertThat(answer.json().path("error").path("param").asText()).isEqualTo("prompt");
    assertThat(answer.errorCode()).contains("002015001");
  }

  @Test
  @DisplayName("a created task is queued and found by its id and by its external id")
  void createAndFind() {
    String external = "conformance-" + UUID.randomUUID();
    Answer created = Answer.of(api.create(request(Optional.of(external))));
    assertThat(created.status()).as(created.describe()).isEqualTo(200);
    assertThat(created.json().path("status").asText()).isEqualTo("queued");
    assertThat(created.json().path("external_task_id").asText()).isEqualTo(external);
    String id = created.json().path("id").asText();

    Answer byId = Answer.of(api.get(id));
    Answer byExternal = Answer.of(api.getByExternalId(external));
    assertThat(byId.status()).as(byId.describe()).isEqualTo(200);
    assertThat(byId.json().path("id").asText()).isEqualTo(id);
    assertThat(byExternal.status()).as(byExternal.describe()).isEqualTo(200);
    assertThat(byExternal.json().path("id").asText()).isEqualTo(id);
  }

  @Test
  @DisplayName("an external_task_id with a space, a slash, ? and # is found by its URL-encoded lookup")
  void externalIdWithReservedCharacters() {
    String external = "order 4711/clip?1#" + UUID.randomUUID();
    Answer created = Answer.of(api.create(request(Optional.of(external))));
    assertThat(created.status()).as(created.describe()).isEqualTo(200);

    Answer found = Answer.of(api.getByExternalId(external));
    assertThat(found.status()).as(found.describe()).isEqualTo(200);
    assertThat(found.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
  }

  @Test
  @DisplayName("lengths count Unicode code points: 2500 emoji are a valid O1 prompt, 2501 are 002015002")
  void lengthsCountCodePoints() {
    String emoji = new String(Character.toChars(0x1F600));
    String template = "{\"model\":\"kirin_video_o1\",\"aspect_ratio\":\"1:1\",\"prompt\":\"%s\"}";
    Answer atLimit = Answer.of(api.create(String.format(template, emoji.repeat(2500))));
    Answer over = Answer.of(api.create(String.format(template, emoji.repeat(2501))));
    assertThat(atLimit.status()).as(atLimit.describe()).isEqualTo(200);
    assertThat(over.status()).as(over.describe()).isEqualTo(400);
    assertThat(over.errorCode()).contains("002015002");
  }

  @Test
  @DisplayName("reusing an external_task_id with the same key is 409 external_task_id_conflict")
  void externalIdConflict() {
    String external = "conformance-" + UUID.randomUUID();
    Answer first = Answer.of(api.create(request(Optional.of(external))));
    Answer second = Answer.of(api.create(request(Optional.of(external))));
    assertThat(first.status()).as(first.describe()).isEqualTo(200);
    assertThat(second.status()).as(second.describe()).isEqualTo(409);
    assertThat(second.errorCode()).contains("external_task_id_conflict");
  }

  @Test
  @DisplayName("another key's task is 404, by id and by external id, and its external id is free for that key")
  void tenantIsolation() {
    Optional<KirinApi> other = conformance.secondTenant();
    Assumptions.assumeTrue(other.isPresent(), "tenant isolation needs a second key: give -Dkirin.apiKey2");
    String external = "conformance-" + UUID.randomUUID();
    Answer created = Answer.of(api.create(request(Optional.of(external))));
    assertThat(created.status()).as(created.describe()).isEqualTo(200);

    Answer byId = Answer.of(other.get().get(created.json().path("id").asText()));
    Answer byExternal = Answer.of(other.get().getByExternalId(external));
    Answer sameExternal = Answer.of(other.get().create(request(Optional.of(external))));
    assertThat(byId.status()).as(byId.describe()).isEqualTo(404);
    assertThat(byExternal.status()).as(byExternal.describe()).isEqualTo(404);
    assertThat(sameExternal.status()).as(sameExternal.describe()).isEqualTo(200);
    assertThat(sameExternal.json().path("id").asText()).isNotEqualTo(created.json().path("id").asText());
  }

  @Test
  @DisplayName("a key over its limit of unfinished tasks is 429 with the model's code and Retry-After")
  void tooManyTasks() {
    Optional<KirinApi> limited = conformance.withOneTaskPerKey();
    Assumptions.assumeTrue(limited.isPresent(), "needs a server limited to one unfinished task per key (mock only)");
    String v3 = "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A lighthouse\"}";
    Answer held = Answer.of(limited.get().request().contentType(ContentType.JSON)
        .header("X-Kirin-Mock-Scenario", "hold=processing").body(v3).post(KirinApi.CREATE));
    assertThat(held.status()).as(held.describe()).isEqualTo(200);

    var refusedV3 = limited.get().request().contentType(ContentType.JSON).body(v3).post(KirinApi.CREATE);
    Answer refusedV2 = Answer.of(limited.get().create(request(Optional.empty())));
    assertThat(refusedV3.statusCode()).as(refusedV3.asString()).isEqualTo(429);
    assertThat(Answer.of(refusedV3).errorCode()).contains("006001094");
    assertThat(refusedV3.header("Retry-After")).isNotBlank();
    assertThat(refusedV2.status()).as(refusedV2.describe()).isEqualTo(429);
    assertThat(refusedV2.errorCode()).contains("task_resource_insufficient");
  }

  private static String request(Optional<String> externalTaskId) {
    return String.format(TEXT_REQUEST, externalTaskId.map(id -> ",\"external_task_id\":\"" + id + "\"").orElse(""));
  }
}
