package io.kirincontract.mock.validation.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static io.kirincontract.mock.support.Bodies.text;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each kind of check runs once, in one place: the JSON's shape ({@code type}, {@code format}, {@code enum}, {@code
 * required}) before binding, Hibernate Validator for the limits of what passed, the rules for the rest. A field is
 * refused for one reason, by the first check that sees it, and never reported twice.
 */
class OneCheckPerKindTest {

  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "one-check-key");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void aRequiredFieldOfTheWrongTypeIsRefusedForItsTypeOnlyNotAlsoAsMissing() {
    JsonNode error =
        api.create(json("{'model': 'kirin_v2_master_t2v', 'prompt': 42}"))
            .assertError(400, "invalid_parameter", "prompt", "v2t2v.prompt.type")
            .error();
    assertThat(rules(error)).containsExactly("v2t2v.prompt.type");
  }

  @Test
  void aValueOutsideItsEnumIsRefusedByTheJsonCheckWithTheAllowedValues() {
    JsonNode error =
        api.create(with(Bodies.v2t2v(), b -> b.put("duration", "7")))
            .assertError(400, "invalid_parameter", "duration", "v2t2v.duration.enum")
            .error();
    assertThat(error.path("error_message").asText()).isEqualTo("duration must be one of \"5\", \"10\", not \"7\"");
    assertThat(rules(error)).containsExactly("v2t2v.duration.enum");
  }

  @Test
  void everyMissingRequiredPropertyIsNamedOnceAtEveryLevel() {
    ObjectNode body =
        with(Bodies.v3t2vMultiShot(), b -> {
          ((ObjectNode) b.withArray("multi_prompt").get(0)).remove("prompt");
          ((ObjectNode) b.withArray("multi_prompt").get(1)).remove("index");
          b.putObject("watermark_info");
        });
    JsonNode error = api.create(body).error();
    assertThat(rules(error))
        .containsExactlyInAnyOrder(
            "v3t2v.multi_prompt.prompt.required",
            "v3t2v.multi_prompt.index.required",
            "v3t2v.watermark_info.enabled.required");
    assertThat(params(error))
        .containsExactlyInAnyOrder("multi_prompt[0].prompt", "multi_prompt[1].index", "watermark_info.enabled");
  }

  @Test
  void shapeAndLimitProblemsOfDifferentFieldsAreAllReportedEachOnce() {
    ObjectNode body =
        with(Bodies.o1(), b -> {
          b.put("prompt", text(2501)); // a limit: Hibernate Validator
          b.put("mode", "ultra"); // an enum: the JSON check
          b.put("callback_url", 7); // a type: the JSON check
        });
    JsonNode error = api.create(body).error();
    assertThat(params(error)).containsExactlyInAnyOrder("prompt", "mode", "callback_url");
    assertThat(rules(error)).containsExactlyInAnyOrder("o1.prompt.max-length", "o1.mode.enum", "o1.callback_url.type");
  }

  @Test
  void aWrongTypeInsideAListRefusesTheListOnceAndNoLimitOfItIsCheckedOnTop() {
    ObjectNode body =
        with(Bodies.v3t2vMultiShot(), b -> {
          ((ObjectNode) b.withArray("multi_prompt").get(0)).put("duration", 3);
          ((ObjectNode) b.withArray("multi_prompt").get(1)).put("prompt", text(513));
        });
    JsonNode error = api.create(body).error();
    assertThat(rules(error)).containsExactly("v3t2v.multi_prompt.duration.type");
  }

  @Test
  void anImageGivenAsAnObjectIsATypeProblemAndNoMediaIsRead() {
    JsonNode error =
        api.create(json("{'model': 'kirin_v2_1_master_i2v', 'image': {'url': 'x'}}"))
            .assertError(400, "8002009002", "image", "v21i2v.image.type")
            .error();
    assertThat(rules(error)).containsExactly("v21i2v.image.type");
  }

  @Test
  void aValidRequestStillPasses() {
    api.create(Bodies.v21i2v(Media.png(300, 300))).assertQueued();
  }

  /** The rule of every problem: the top-level one alone, or each of {@code details}. */
  private static List<String> rules(JsonNode error) {
    return each(error, "rule");
  }

  private static List<String> params(JsonNode error) {
    return each(error, "param");
  }

  private static List<String> each(JsonNode error, String field) {
    List<String> values = new ArrayList<>();
    if (error.path("details").isArray() && !error.path("details").isEmpty()) {
      error.path("details").forEach(detail -> values.add(detail.path(field).asText()));
    } else {
      values.add(error.path(field).asText());
    }
    return values;
  }
}
