package io.kirincontract.mock.validation.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static io.kirincontract.mock.support.Bodies.text;
import static io.kirincontract.mock.support.Bodies.with;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-field limits (plain JSON Schema in the spec) through HTTP, with the models' seed codes where the spec gives
 * them ({@code x-kirin-error-codes}), the JSON path as {@code param} and the derived rule id.
 */
class FieldLimitsTest {

  private static final String PNG = Media.png(300, 300);
  private static KirinMockServer server;
  private static MockApi api;

  /** A request that breaks one field limit, and the error it must get. */
  record Limit(String says, ObjectNode body, String code, String param, String rule) {
    @Override
    public String toString() {
      return says;
    }
  }

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "limits-key");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static List<Limit> limits() {
    ObjectNode o1 = Bodies.o1();
    ObjectNode v21 = Bodies.v21i2v(PNG);
    ObjectNode v3 = Bodies.v3t2v();
    ObjectNode multi = Bodies.v3t2vMultiShot();
    return List.of(
        new Limit("an O1 prompt of 2501 characters is 002015002", with(o1, b -> b.put("prompt", text(2501))),
            "002015002", "prompt", "o1.prompt.max-length"),
        new Limit("a missing O1 prompt is 002015001", with(o1, b -> b.remove("prompt")),
            "002015001", "prompt", "o1.prompt.required"),
        new Limit("an empty O1 prompt is 002015001", with(o1, b -> b.put("prompt", "")),
            "002015001", "prompt", "o1.prompt.min-length"),
        new Limit("a missing V2.1 image is 8002009001", with(v21, b -> b.remove("image")),
            "8002009001", "image", "v21i2v.image.required"),
        new Limit("an empty V2.1 image is 8002009001", with(v21, b -> b.put("image", "")),
            "8002009001", "image", "v21i2v.image.min-length"),
        new Limit("a V2.1 image that is a number is 8002009002", with(v21, b -> b.put("image", 42)),
            "8002009002", "image", "v21i2v.image.type"),
        new Limit("a V2.1 GIF image is 8002009002", Bodies.v21i2v(Media.gif(300, 300)),
            "8002009002", "image", "v21i2v.image.format"),
        new Limit("a V2.1 duration of 7 is 8002009004", with(v21, b -> b.put("duration", "7")),
            "8002009004", "duration", "v21i2v.duration.enum"),
        new Limit("a V2.1 duration given as a number is 8002009004", with(v21, b -> b.put("duration", 5)),
            "8002009004", "duration", "v21i2v.duration.type"),
        new Limit("a V2.1 prompt of 2501 characters is 8002009003", with(v21, b -> b.put("prompt", text(2501))),
            "8002009003", "prompt", "v21i2v.prompt.max-length"),
        new Limit("a V2.1 image of 1000x300 px is 8002009005", Bodies.v21i2v(Media.png(1000, 300)),
            "8002009005", "image", "v21i2v.image.aspect-ratio"),
        new Limit("a V3 shot prompt of 513 characters names the shot",
            with(multi, b -> ((ObjectNode) b.withArray("multi_prompt").get(1)).put("prompt", text(513))),
            "invalid_parameter", "multi_prompt[1].prompt", "v3t2v.multi_prompt.prompt.max-length"),
        new Limit("seven V3 shots are too many", with(multi, b -> {
              ArrayNode shots = b.putArray("multi_prompt");
              for (int i = 1; i <= 7; i++) {
                shots.addObject().put("index", i).put("prompt", "shot").put("duration", "1");
              }
            }),
            "invalid_parameter", "multi_prompt", "v3t2v.multi_prompt.max-items"),
        new Limit("an empty multi_prompt is too few", with(multi, b -> b.putArray("multi_prompt")),
            "invalid_parameter", "multi_prompt", "v3t2v.multi_prompt.min-items"),
        new Limit("a shot without index names the shot's index",
            with(multi, b -> ((ObjectNode) b.withArray("multi_prompt").get(0)).remove("index")),
            "invalid_parameter", "multi_prompt[0].index", "v3t2v.multi_prompt.index.required"),
        new Limit("a shot duration of 2.5 breaks its pattern",
            with(multi, b -> ((ObjectNode) b.withArray("multi_prompt").get(0)).put("duration", "2.5")),
            "invalid_parameter", "multi_prompt[0].duration", "v3t2v.multi_prompt.duration.pattern"),
        new Limit("a V3 negative prompt of 2501 characters", with(v3, b -> b.put("negative_prompt", text(2501))),
            "invalid_parameter", "negative_prompt", "v3t2v.negative_prompt.max-length"),
        new Limit("an empty external_task_id", with(v3, b -> b.put("external_task_id", "")),
            "invalid_parameter", "external_task_id", "v3t2v.external_task_id.min-length"),
        new Limit("an external_task_id of 257 characters", with(v3, b -> b.put("external_task_id", text(257))),
            "invalid_parameter", "external_task_id", "v3t2v.external_task_id.max-length"),
        new Limit("a callback_url of 2049 characters",
            with(v3, b -> b.put("callback_url", "https://example.com/" + text(2029))),
            "invalid_parameter", "callback_url", "v3t2v.callback_url.max-length"),
        new Limit("a watermark_info without enabled", with(v3, b -> b.putObject("watermark_info")),
            "invalid_parameter", "watermark_info.enabled", "v3t2v.watermark_info.enabled.required"),
        new Limit("two O1 videos", with(o1, b -> {
              ArrayNode videos = b.putArray("video_list");
              videos.addObject().put("video_url", "https://media.example.invalid/a.mp4");
              videos.addObject().put("video_url", "https://media.example.invalid/b.mp4");
            }),
            "invalid_parameter", "video_list", "o1.video_list.max-items"),
        new Limit("an O1 video by ftp", with(o1, b -> b.putArray("video_list").addObject().put("video_url", "ftp://x/y.mp4")),
            "invalid_parameter", "video_list[0].video_url", "o1.video_list.video_url.pattern"),
        new Limit("four V3 image-to-video subjects", with(Bodies.v3i2v(PNG), b -> {
              ArrayNode elements = b.putArray("element_list");
              for (int i = 1; i <= 4; i++) {
                elements.addObject().put("element_id", i);
              }
            }),
            "invalid_parameter", "element_list", "v3i2v.element_list.max-items"),
        new Limit("a V2 Master request without prompt", json("{'model': 'kirin_v2_master_t2v'}"),
            "invalid_parameter", "prompt", "v2t2v.prompt.required"),
        new Limit("a V2 Master duration of 7", with(Bodies.v2t2v(), b -> b.put("duration", "7")),
            "invalid_parameter", "duration", "v2t2v.duration.enum"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limits")
  void aRequestBreakingAFieldLimitGetsTheFieldsCodeParamAndRule(Limit limit) {
    api.create(limit.body()).assertError(400, limit.code(), limit.param(), limit.rule());
  }

  @Test
  void anO1PromptOfExactly2500CharactersIsAccepted() {
    api.create(with(Bodies.o1(), b -> b.put("prompt", text(2500)))).assertQueued();
  }

  @Test
  void lengthsCountUnicodeCodePointsSo2500EmojiAreAPromptOf2500Characters() {
    api.create(with(Bodies.o1(), b -> b.put("prompt", "\uD83E\uDD8A".repeat(2500)))).assertQueued();
    api.create(with(Bodies.o1(), b -> b.put("prompt", "\uD83E\uDD8A".repeat(2501))))
        .assertError(400, "002015002", "prompt", "o1.prompt.max-length");
  }

  @Test
  void aV21PromptOfExactly2500CharactersIsAccepted() {
    api.create(with(Bodies.v21i2v(PNG), b -> b.put("prompt", text(2500)))).assertQueued();
  }
}
