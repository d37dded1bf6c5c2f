package io.kirincontract.mock.validation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.spec.KirinSpec;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code null} counts as absent (DESIGN §3): for every model, every optional property of its request schema sent as
 * {@code null} is accepted as if it were not there; a required one sent as {@code null} is refused as missing, by
 * name. The fields come from the spec, so a field added there is covered here.
 */
class NullIsAbsentTest {

  private static final KirinSpec SPEC = KirinSpec.load();
  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "nulls");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @TestFactory
  Stream<DynamicTest> everyOptionalFieldOfEveryModelSentAsNullIsAnsweredAsIfItWereAbsent() {
    return SPEC.modelIds().stream()
        .flatMap(
            model -> {
              Schema<?> schema = SPEC.resolve(SPEC.requestSchema(model));
              List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
              Map<String, Schema> properties = schema.getProperties();
              return properties.keySet().stream()
                  .filter(name -> !required.contains(name))
                  .map(
                      name ->
                          DynamicTest.dynamicTest(
                              model + ": \"" + name + "\": null is answered as if it were absent",
                              () -> {
                                ObjectNode absent = valid(model);
                                absent.remove(name);
                                ObjectNode nulled = valid(model);
                                nulled.putNull(name);
                                MockApi.Reply withoutIt = api.create(absent);
                                MockApi.Reply withNull = api.create(nulled);
                                assertThat(withNull.status()).as(withNull.raw()).isEqualTo(withoutIt.status());
                                if (withoutIt.status() == 200) {
                                  assertThat(withNull.json().path("metadata").path("warnings").toString())
                                      .doesNotContain("\"" + name);
                                } else {
                                  assertThat(withNull.error()).isEqualTo(withoutIt.error());
                                }
                              }));
            });
  }

  @Test
  void nullsInsideObjectsAndListEntriesAreAbsentToo() {
    ObjectNode body = Bodies.o1();
    body.putArray("image_list").addObject().put("image_url", Media.png(400, 400)).putNull("type");
    ((ObjectNode) body.get("image_list").get(0)).putObject("options").putNull("anything");

    MockApi.Reply reply = api.create(body);

    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
  }

  @Test
  void aRequiredPropertyOfANestedObjectThatIsNullIsRefusedAsMissing() {
    ObjectNode body = Bodies.v3t2v();
    body.putObject("watermark_info").putNull("enabled");

    api.create(body).assertError(400, "invalid_parameter", "watermark_info.enabled", "v3t2v.watermark_info.enabled.required");
  }

  @Test
  void aRequiredFieldThatIsNullIsRefusedAsMissingByName() {
    ObjectNode body = Bodies.o1();
    body.putNull("prompt");

    MockApi.Reply reply = api.create(body);

    reply.assertError(400, "002015001", "prompt", "o1.prompt.required");
    assertThat(reply.error().path("error_message").asText()).isEqualTo("prompt is required");
  }

  @Test
  void aNullListItemIsStillRefusedWithItsPlace() {
    ObjectNode body = Bodies.o1();
    body.putArray("image_list").addNull();

    MockApi.Reply reply = api.create(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("param").asText()).isEqualTo("image_list[0]");
  }

  private static ObjectNode valid(String model) {
    return switch (model) {
      case "kirin_v3_t2v" -> Bodies.v3t2v();
      case "kirin_v3_i2v" -> Bodies.v3i2v(Media.png(400, 400));
      case "kirin_video_o1" -> Bodies.o1();
      case "kirin_v2_master_t2v" -> Bodies.v2t2v();
      case "kirin_v2_1_master_i2v" -> Bodies.v21i2v(Media.png(400, 400));
      default -> throw new IllegalArgumentException("a new model needs a valid body here: " + model);
    };
  }
}
