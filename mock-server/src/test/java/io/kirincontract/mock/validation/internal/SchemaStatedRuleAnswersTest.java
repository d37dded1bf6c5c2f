package io.kirincontract.mock.validation.internal;

import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The spec says a rule in JSON Schema too: an image's {@code maxLength} is the base64 length of 10 MiB. The mock,
 * which checks that keyword with Hibernate Validator before its rules, still answers with the rule's id and code
 * ({@code x-kirin-rule-ids}) and a clear message that does not echo the image back. The rules JSON Schema does not
 * say ("image or image_tail", no data: prefix: docs/spec-lint.md) keep their answers too.
 */
class SchemaStatedRuleAnswersTest {

  private static final String PNG = Media.png(300, 300);
  /** One character more than the base64 of 10 MiB (13,981,016 characters). */
  private static final String TOO_LONG = "A".repeat(13_981_017);

  private static KirinMockServer server;
  private static MockApi api;

  /** A request that breaks a rule JSON Schema also states, and the answer it must get. */
  record Answer(String says, ObjectNode body, String code, String param, String rule) {
    @Override
    public String toString() {
      return says;
    }
  }

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "schema-rules-key");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static List<Answer> answers() {
    String prefixed = "data:image/png;base64," + PNG;
    return List.of(
        new Answer("a V3 request with neither image nor image_tail", with(Bodies.v3i2v(PNG), b -> b.remove("image")),
            "invalid_parameter", "image", "v3i2v.image.one-required"),
        new Answer("a V3 image with a data: prefix", Bodies.v3i2v(prefixed),
            "invalid_media", "image", "v3i2v.image.encoding"),
        new Answer("a V3 image_tail with a data: prefix", with(Bodies.v3i2v(PNG), b -> b.put("image_tail", prefixed)),
            "invalid_media", "image_tail", "v3i2v.image.encoding"),
        new Answer("a V3 image longer than 10 MiB of base64", Bodies.v3i2v(TOO_LONG),
            "invalid_media", "image", "v3i2v.image.max-size"),
        new Answer("a V2.1 image with a data: prefix", Bodies.v21i2v(prefixed),
            "8002009002", "image", "v21i2v.image.encoding"),
        new Answer("a V2.1 image longer than 10 MiB of base64", Bodies.v21i2v(TOO_LONG),
            "8002009002", "image", "v21i2v.image.max-size"),
        new Answer("an O1 image_url with a data: prefix",
            with(Bodies.o1(), Bodies.imageList(Bodies.imageEntry(prefixed, null))),
            "invalid_media", "image_list[0].image_url", "o1.image.encoding"),
        new Answer("an O1 image_url longer than 10 MiB of base64",
            with(Bodies.o1(), Bodies.imageList(Bodies.imageEntry(TOO_LONG, null))),
            "invalid_media", "image_list[0].image_url", "o1.image.max-size"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void keepsTheRulesIdAndCode(Answer answer) {
    MockApi.Reply reply = api.create(answer.body()).assertError(400, answer.code(), answer.param(), answer.rule());

    assertThat(reply.raw()).hasSizeLessThan(4096);
  }
}
