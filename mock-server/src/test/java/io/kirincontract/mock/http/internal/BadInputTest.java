package io.kirincontract.mock.http.internal;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a clear 4xx in the envelope: never a 500, a hang or a stack trace. */
class BadInputTest {

  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "bad-input-key");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  /** A body that is not a request object. */
  record Garbage(String says, String body) {
    @Override
    public String toString() {
      return says;
    }
  }

  static List<Garbage> notJson() {
    return List.of(
        new Garbage("truncated JSON", "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"a"),
        new Garbage("not JSON at all", "model=kirin_v3_t2v"),
        new Garbage("an empty body", ""),
        new Garbage("a JSON array", "[{\"model\": \"kirin_v3_t2v\"}]"),
        new Garbage("a JSON string", "\"kirin_v3_t2v\""),
        new Garbage("JSON null", "null"),
        new Garbage("a duplicated key", "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"a\", \"prompt\": \"b\"}"),
        new Garbage("two JSON values", "{\"model\": \"kirin_v3_t2v\", \"prompt\": \"a\"} {}"),
        new Garbage("NaN", "{\"model\": \"kirin_v3_t2v\", \"prompt\": NaN}"),
        new Garbage("nesting 5000 levels deep", "[".repeat(5000) + "]".repeat(5000)));
  }

  @ParameterizedTest(name = "{0} is invalid_json")
  @MethodSource("notJson")
  void aBodyThatIsNotAJsonObjectIsInvalidJson(Garbage garbage) {
    api.create(garbage.body()).assertError(400, "invalid_json", null, null);
  }

  @Test
  void theInvalidJsonMessageSaysWhere() {
    String message = api.create("{\"model\": ").error().path("error_message").asText();
    assertThat(message).startsWith("the body is not valid JSON").contains("line 1, column");
  }

  @Test
  void aNumberWhereTheSpecSaysStringIsAFieldErrorThatSaysSo() {
    MockApi.Reply reply = api.create(with(Bodies.v3t2v(), b -> b.put("duration", 5)));
    reply.assertError(400, "invalid_parameter", "duration", "v3t2v.duration.type");
    assertThat(reply.error().path("error_message").asText())
        .isEqualTo("duration must be a string such as \"5\", not a number");
  }

  @Test
  void theStringTrueForABooleanIsRejectedNotCoerced() {
    MockApi.Reply reply = api.create(with(Bodies.v3t2v(), b -> b.put("multi_shot", "true")));
    reply.assertError(400, "invalid_parameter", "multi_shot", "v3t2v.multi_shot.type");
    assertThat(reply.error().path("error_message").asText()).contains("boolean");
  }

  @Test
  void aStringWhereAnObjectBelongsIsRejected() {
    api.create(with(Bodies.v3t2v(), b -> b.put("watermark_info", "yes")))
        .assertError(400, "invalid_parameter", "watermark_info", "v3t2v.watermark_info.type");
  }

  @Test
  void aNullPromptCountsAsAbsentAndIsRefusedAsMissing() {
    api.create(with(Bodies.v3t2v(), b -> b.putNull("prompt")))
        .assertError(400, "invalid_parameter", "prompt", "v3.prompt.required-unless-multi-shot");
  }

  @Test
  void wrongTypesInsideArraysNameTheItem() {
    api.create(with(Bodies.v3t2vMultiShot(), b -> ((com.fasterxml.jackson.databind.node.ObjectNode)
            b.withArray("multi_prompt").get(1)).put("index", "2")))
        .assertError(400, "invalid_parameter", "multi_prompt[1].index", "v3t2v.multi_prompt.index.type");
    api.create(with(Bodies.o1(), b -> b.putArray("element_list").addObject().put("element_id", 1.5)))
        .assertError(400, "invalid_parameter", "element_list[0].element_id", "o1.element_list.element_id.type");
    api.create(with(Bodies.o1(), b -> b.putArray("element_list").add("829301")))
        .assertError(400, "invalid_parameter", "element_list[0]", "o1.element_list.type");
  }

  @Test
  void anIntegerOutOfItsRangeIsATypeError() {
    api.create(with(Bodies.v3t2vMultiShot(), b -> ((com.fasterxml.jackson.databind.node.ObjectNode)
            b.withArray("multi_prompt").get(0)).put("index", 3_000_000_000L)))
        .assertError(400, "invalid_parameter", "multi_prompt[0].index", "v3t2v.multi_prompt.index.type");
  }

  @Test
  void aMalformedCallbackUrlIsAFormatError() {
    api.create(with(Bodies.v3t2v(), b -> b.put("callback_url", "http://exa mple.com/hook")))
        .assertError(400, "invalid_parameter", "callback_url", "v3t2v.callback_url.format");
    api.create(with(Bodies.v3t2v(), b -> b.put("callback_url", "/relative/hook")))
        .assertError(400, "invalid_parameter", "callback_url", "v3t2v.callback_url.format");
  }

  @Test
  void anUnknownEnumValueListsTheAllowedValues() {
    MockApi.Reply reply = api.create(with(Bodies.v3t2v(), b -> b.put("sound", "loud")));
    reply.assertError(400, "invalid_parameter", "sound", "v3t2v.sound.enum");
    assertThat(reply.error().path("error_message").asText()).isEqualTo("sound must be one of \"on\", \"off\", not \"loud\"");
  }

  @Test
  void aMissingModelIsUnknownModel() {
    api.create(Bodies.json("{'prompt': 'a'}")).assertError(400, "unknown_model", "model", null);
  }

  @Test
  void aModelThatIsNotAStringIsUnknownModel() {
    api.create(Bodies.json("{'model': 3, 'prompt': 'a'}")).assertError(400, "unknown_model", "model", null);
  }

  @Test
  void anUnknownModelIsUnknownModelAndListsTheFive() {
    MockApi.Reply reply = api.create(Bodies.json("{'model': 'kirin_v9', 'prompt': 'a'}"));
    reply.assertError(400, "unknown_model", "model", null);
    assertThat(reply.error().path("error_message").asText())
        .contains("kirin_v3_t2v", "kirin_video_o1", "kirin_v3_i2v", "kirin_v2_master_t2v", "kirin_v2_1_master_i2v");
  }

  @Test
  void everyProblemIsOfferedAtOnceInTheOrderOfTheSchemasProperties() {
    MockApi.Reply reply =
        api.create(
            Bodies.json(
                "{'model': 'kirin_v3_t2v', 'duration': 5, 'aspect_ratio': '4:3', 'sound': 'loud',"
                    + " 'prompt': 42, 'negative_prompt': true}"));
    reply.assertError(400, "invalid_parameter", "prompt", "v3t2v.prompt.type");
    List<String> params =
        StreamSupport.stream(reply.error().path("details").spliterator(), false)
            .map(detail -> detail.path("param").asText())
            .toList();
    assertThat(params).containsExactly("prompt", "negative_prompt", "sound", "aspect_ratio", "duration");
  }

  @Test
  void fieldProblemsComeBeforeRuleProblems() {
    MockApi.Reply reply =
        api.create(with(Bodies.v3t2vMultiShot(), b -> {
          b.put("duration", "10");
          b.put("external_task_id", "");
        }));
    JsonNode details = reply.error().path("details");
    assertThat(details.get(0).path("rule").asText()).isEqualTo("v3t2v.external_task_id.min-length");
    assertThat(details.get(1).path("rule").asText()).isEqualTo("v3.multi-shot.durations-sum");
  }

  @Test
  void aRuleThatReadsABrokenFieldIsNotRunOnIt() {
    MockApi.Reply reply = api.create(with(Bodies.v3t2v(), b -> b.put("prompt", 7)));
    reply.assertError(400, "invalid_parameter", "prompt", "v3t2v.prompt.type");
    assertThat(reply.error().has("details")).as("no second problem from v3.prompt.required-unless-multi-shot").isFalse();
  }

  @Test
  void aBodyThatIsNotJsonByContentTypeIs415() {
    api.send("POST", "/v1/videos/generations", Map.of("Content-Type", "text/plain"), "{\"model\":\"kirin_v3_t2v\"}")
        .assertError(415, "unsupported_media_type", null, null);
    api.send("POST", "/v1/videos/generations", Map.of(), "{\"model\":\"kirin_v3_t2v\"}")
        .assertError(415, "unsupported_media_type", null, null);
  }

  @Test
  void aJsonContentTypeWithACharsetIsAccepted() {
    api.send(
            "POST",
            "/v1/videos/generations",
            Map.of("Content-Type", "application/json; charset=utf-8"),
            MockApi.write(Bodies.v3t2v()))
        .assertQueued();
  }

  @Test
  void aBodyOverTheLimitIs413() {
    try (KirinMockServer small = KirinMockServer.start(config -> config.port(0).maxBodySize(1024))) {
      MockApi smallApi = new MockApi(small.baseUrl(), "k");
      smallApi.create(with(Bodies.v3t2v(), b -> b.put("prompt", "a".repeat(2000))))
          .assertError(413, "payload_too_large", null, null);
      smallApi.create(Bodies.v3t2v()).assertQueued();
    }
  }

  @Test
  void noAuthorizationHeaderIs401() {
    new MockApi(server.baseUrl(), null).create(Bodies.v3t2v()).assertError(401, "unauthorized", null, null);
    new MockApi(server.baseUrl(), null).get("/v1/videos/generations/task_x").assertError(401, "unauthorized", null, null);
  }

  @Test
  void aMalformedAuthorizationHeaderIs401() {
    for (String header : List.of("Basic a2V5", "Bearer", "Bearer    ", "key-without-scheme")) {
      new MockApi(server.baseUrl(), null)
          .send("POST", "/v1/videos/generations", Map.of("Authorization", header, "Content-Type", "application/json"),
              MockApi.write(Bodies.v3t2v()))
          .assertError(401, "unauthorized", null, null);
    }
  }

  @Test
  void aKeyOutsideTheConfiguredKeysIs401AndAListedKeyIsAccepted() {
    try (KirinMockServer keyed = KirinMockServer.start(config -> config.port(0).apiKeys("alpha", "beta"))) {
      new MockApi(keyed.baseUrl(), "gamma").create(Bodies.v3t2v()).assertError(401, "unauthorized", null, null);
      new MockApi(keyed.baseUrl(), "beta").create(Bodies.v3t2v()).assertQueued();
    }
  }

  @Test
  void anUnauthorisedCreateForV21MasterGetsItsSeedCode() {
    new MockApi(server.baseUrl(), null)
        .create(Bodies.v21i2v(io.kirincontract.mock.support.Media.png(300, 300)))
        .assertError(401, "8002009006", null, null);
  }

  @Test
  void anUnknownRouteIs404RouteNotFound() {
    api.get("/v1/videos/nothing/here/at/all").assertError(404, "route_not_found", null, null);
    new MockApi(server.baseUrl(), null).get("/nope").assertError(404, "route_not_found", null, null);
  }

  @Test
  void aWrongMethodIs405MethodNotAllowed() {
    api.send("DELETE", "/v1/videos/generations", Map.of(), null).assertError(405, "method_not_allowed", null, null);
    api.send("PUT", "/health", Map.of(), "{}").assertError(405, "method_not_allowed", null, null);
  }

  @Test
  void aHugeNumberForAStringFieldIsATypeErrorNotACrash() {
    api.create("{\"model\": \"kirin_v3_t2v\", \"prompt\": \"a\", \"duration\": 1e400}")
        .assertError(400, "invalid_parameter", "duration", "v3t2v.duration.type");
  }
}
