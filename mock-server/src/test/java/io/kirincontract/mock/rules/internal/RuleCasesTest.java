package io.kirincontract.mock.rules.internal;

import static io.kirincontract.mock.support.Bodies.elements;
import static io.kirincontract.mock.support.Bodies.imageEntry;
import static io.kirincontract.mock.support.Bodies.imageList;
import static io.kirincontract.mock.support.Bodies.video;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.rules.ElementLibrary;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.PaddedVideo;
import io.kirincontract.spec.KirinSpec;
import io.kirincontract.spec.RuleDef;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per {@code x-kirin-rules} id, through HTTP: the edge that passes and the edge that fails. What the
 * failing edge must produce comes from the spec itself (code, status, effect, mode): a rejection naming the rule
 * and the param, an ignored parameter, a warning under the lenient media policy and a rejection under the strict
 * one, or no check at all without a subject library.
 */
class RuleCasesTest {

  private static final KirinSpec SPEC = KirinSpec.load();
  private static final long MIB = 1024L * 1024L;
  private static final String PNG = Media.png(300, 300);

  private static MediaHost host;
  private static KirinMockServer lenient;
  private static KirinMockServer strict;
  private static KirinMockServer library;
  private static List<RuleCase> cases;

  /** A rule's two edges: the request that keeps it and the one that breaks it, and the param the break names. */
  record RuleCase(
      String rule, String passingEdge, ObjectNode passing, String failingEdge, ObjectNode failing, String param) {
    @Override
    public String toString() {
      return rule + ": " + passingEdge + " is accepted; " + failingEdge + " breaks it at " + param;
    }
  }

  @BeforeAll
  static void startServers() throws IOException {
    host = new MediaHost();
    Map<Long, ElementLibrary.Kind> subjects = new LinkedHashMap<>();
    subjects.put(829301L, ElementLibrary.Kind.IMAGE);
    for (long id = 1001; id <= 1007; id++) {
      subjects.put(id, ElementLibrary.Kind.VIDEO);
    }
    lenient = KirinMockServer.start(config -> config.port(0).mediaTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));
    strict =
        KirinMockServer.start(
            config ->
                config.port(0).mediaPolicy(MediaPolicy.STRICT).mediaTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20)));
    library = KirinMockServer.start(config -> config.port(0).elementLibrary(ElementLibrary.of(subjects)));
    cases = buildCases();
  }

  @AfterAll
  static void stopServers() {
    for (AutoCloseable closeable : new AutoCloseable[] {lenient, strict, library, host}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  static List<RuleCase> cases() {
    return cases;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachRuleAcceptsItsPassingEdgeAndTreatsItsFailingEdgeAsTheSpecSays(RuleCase c) {
    RuleDef rule = SPEC.rule(c.rule()).orElseThrow();
    MockApi api = new MockApi(serverFor(rule).baseUrl(), "rules-key");

    JsonNode accepted = api.create(c.passing()).assertQueued();
    assertThat(warningsOf(accepted, rule.id())).as("warnings of the passing edge").isEmpty();
    assertThat(ignored(accepted)).as("ignored params of the passing edge").doesNotContain(c.param());

    MockApi.Reply failing = api.create(c.failing());
    if (rule.effect() == RuleDef.Effect.IGNORE) {
      assertThat(ignored(failing.assertQueued())).contains(c.param());
    } else {
      failing.assertError(rule.status(), rule.code(), c.param(), rule.id());
    }

    if (rule.mode() == RuleDef.Mode.STRICT) {
      JsonNode warned = new MockApi(lenient.baseUrl(), "rules-key").create(c.failing()).assertQueued();
      assertThat(warningsOf(warned, rule.id())).as("lenient policy warns").containsExactly(c.param());
    }
    if (rule.mode() == RuleDef.Mode.LIBRARY) {
      new MockApi(lenient.baseUrl(), "rules-key").create(c.failing()).assertQueued();
    }
  }

  @Test
  void everyRuleOfTheSpecHasExactlyOneCase() {
    Set<String> specified = SPEC.rules().stream().map(RuleDef::id).collect(Collectors.toCollection(TreeSet::new));
    List<String> covered = cases.stream().map(RuleCase::rule).sorted().toList();
    assertThat(covered).containsExactlyElementsOf(specified);
  }

  @Test
  void theV3MultiShotRulesHoldForImageToVideoToo() {
    ObjectNode multi = with(Bodies.v3t2vMultiShot(), b -> {
      b.put("model", "kirin_v3_i2v");
      b.put("image", PNG);
      b.put("prompt", "ignored with multi_shot");
    });
    MockApi api = new MockApi(lenient.baseUrl(), "rules-key");
    assertThat(ignored(api.create(multi).assertQueued())).containsExactly("prompt");
    api.create(shots(multi, "2", "2"))
        .assertError(400, "invalid_parameter", "multi_prompt", "v3.multi-shot.durations-sum");
    api.create(with(multi, b -> b.remove("shot_type")))
        .assertError(400, "invalid_parameter", "shot_type", "v3.multi-shot.shot-type-required");
  }

  private static KirinMockServer serverFor(RuleDef rule) {
    return switch (rule.mode()) {
      case STRICT -> strict;
      case LIBRARY -> library;
      case DEFAULT -> lenient;
    };
  }

  private static List<String> ignored(JsonNode task) {
    return StreamSupport.stream(task.path("metadata").path("ignored_params").spliterator(), false)
        .map(JsonNode::asText)
        .toList();
  }

  private static List<String> warningsOf(JsonNode task, String rule) {
    return StreamSupport.stream(task.path("metadata").path("warnings").spliterator(), false)
        .filter(warning -> rule.equals(warning.path("rule").asText()))
        .map(warning -> warning.path("param").asText())
        .toList();
  }

  private static List<RuleCase> buildCases() {
    List<RuleCase> all = new ArrayList<>();
    all.addAll(v3Cases());
    all.addAll(v3i2vCases());
    all.addAll(o1Cases());
    all.addAll(o1ImageCases());
    all.addAll(o1VideoCases());
    all.addAll(v21i2vCases());
    all.addAll(callbackUrlCases());
    return all;
  }

  /** One model per rule prefix; the passing edge is the largest port, on loopback. */
  private static List<RuleCase> callbackUrlCases() {
    String largestPort = "http://127.0.0.1:65535/kirin/callbacks";
    return List.of(
        new RuleCase(
            "v3.callback-url.deliverable",
            "port 65535", with(Bodies.v3t2v(), b -> b.put("callback_url", largestPort)),
            "an ftp URL", with(Bodies.v3t2v(), b -> b.put("callback_url", "ftp://example.com/hooks")),
            "callback_url"),
        new RuleCase(
            "o1.callback-url.deliverable",
            "port 65535", with(Bodies.o1(), b -> b.put("callback_url", largestPort)),
            "a mailto URL", with(Bodies.o1(), b -> b.put("callback_url", "mailto:ops@example.com")),
            "callback_url"),
        new RuleCase(
            "v2t2v.callback-url.deliverable",
            "port 65535", with(Bodies.v2t2v(), b -> b.put("callback_url", largestPort)),
            "port 0", with(Bodies.v2t2v(), b -> b.put("callback_url", "http://127.0.0.1:0/kirin/callbacks")),
            "callback_url"),
        new RuleCase(
            "v21i2v.callback-url.deliverable",
            "port 65535", with(Bodies.v21i2v(PNG), b -> b.put("callback_url", largestPort)),
            "a file URL", with(Bodies.v21i2v(PNG), b -> b.put("callback_url", "file:///etc/passwd")),
            "callback_url"));
  }

  private static List<RuleCase> v3Cases() {
    ObjectNode single = Bodies.v3t2v();
    ObjectNode multi = Bodies.v3t2vMultiShot();
    return List.of(
        new RuleCase(
            "v3.prompt.required-unless-multi-shot",
            "a one-character prompt", with(single, b -> b.put("prompt", "a")),
            "an empty prompt", with(single, b -> b.put("prompt", "")),
            "prompt"),
        new RuleCase(
            "v3.multi-shot.prompt-ignored",
            "multi-shot without prompt", multi,
            "multi-shot with a prompt", with(multi, b -> b.put("prompt", "ignored")),
            "prompt"),
        new RuleCase(
            "v3.multi-shot.shot-type-required",
            "multi-shot with shot_type", multi,
            "multi-shot without shot_type", with(multi, b -> b.remove("shot_type")),
            "shot_type"),
        new RuleCase(
            "v3.multi-shot.multi-prompt-required",
            "customize with one shot", with(multi, b -> {
              b.put("duration", "3");
              b.putArray("multi_prompt").addObject().put("index", 1).put("prompt", "one").put("duration", "3");
            }),
            "customize without multi_prompt", with(multi, b -> b.remove("multi_prompt")),
            "multi_prompt"),
        new RuleCase(
            "v3.multi-shot.shot-duration-range",
            "shots of 1 s and 4 s", shots(multi, "1", "4"),
            "shots of 0 s and 5 s", shots(multi, "0", "5"),
            "multi_prompt[0].duration"),
        new RuleCase(
            "v3.multi-shot.durations-sum",
            "shots adding up to 5 s", shots(multi, "2", "3"),
            "shots adding up to 4 s", shots(multi, "2", "2"),
            "multi_prompt"),
        new RuleCase(
            "v3.single-shot.shot-fields-ignored",
            "a single shot without shot fields", single,
            "a single shot with shot_type", with(single, b -> b.put("shot_type", "customize")),
            "shot_type"));
  }

  private static List<RuleCase> v3i2vCases() {
    ObjectNode base = Bodies.v3i2v(PNG);
    return List.of(
        new RuleCase(
            "v3i2v.image.one-required",
            "image_tail alone", with(base, b -> { b.remove("image"); b.put("image_tail", PNG); }),
            "neither image nor image_tail", with(base, b -> b.remove("image")),
            "image"),
        new RuleCase(
            "v3i2v.image.encoding",
            "plain base64", base,
            "base64 with a data: prefix", with(base, b -> b.put("image", "data:image/png;base64," + PNG)),
            "image"),
        new RuleCase(
            "v3i2v.image.format",
            "a JPEG image_tail", with(base, b -> b.put("image_tail", Media.jpeg(300, 300))),
            "a GIF image_tail", with(base, b -> b.put("image_tail", Media.gif(300, 300))),
            "image_tail"),
        new RuleCase(
            "v3i2v.image.max-size",
            "an image of exactly 10 MiB", with(base, b -> b.put("image", Media.pngOfSize((int) (10 * MIB)))),
            "an image of 10 MiB + 1 byte", with(base, b -> b.put("image", Media.pngOfSize((int) (10 * MIB) + 1))),
            "image"),
        new RuleCase(
            "v3i2v.image.min-dimensions",
            "a 300x300 image", base,
            "a 300x299 image", with(base, b -> b.put("image", Media.png(300, 299))),
            "image"),
        new RuleCase(
            "v3i2v.image.aspect-ratio",
            "a 750x300 image (2.5:1) and a 1000x300 image_tail (no limit)",
            with(base, b -> { b.put("image", Media.png(750, 300)); b.put("image_tail", Media.png(1000, 300)); }),
            "a 752x300 image", with(base, b -> b.put("image", Media.png(752, 300))),
            "image"),
        new RuleCase(
            "v3i2v.image.url-reachable",
            "a URL that serves a PNG", with(base, b -> b.put("image", host.serve("/first.png", bytes(300, 300)))),
            "a URL that answers 404", with(base, b -> b.put("image", host.url("/missing.png"))),
            "image"),
        new RuleCase(
            "v3i2v.elements.known",
            "a subject of the library", with(base, b -> b.putArray("element_list").addObject().put("element_id", 829301)),
            "a subject not in the library", with(base, b -> b.putArray("element_list").addObject().put("element_id", 5)),
            "element_list[0].element_id"));
  }

  private static List<RuleCase> o1Cases() {
    ObjectNode base = Bodies.o1();
    String mp4 = host.serve("/feature.mp4", SyntheticMedia.mp4(1280, 720, 24, 5));
    return List.of(
        new RuleCase(
            "o1.image-list.image-required",
            "an image in the compatible field image", with(base, b -> b.putArray("image_list").addObject().put("image", PNG)),
            "an entry without any image", with(base, b -> b.putArray("image_list").addObject()),
            "image_list[0].image_url"),
        new RuleCase(
            "o1.references.max-without-video",
            "4 images and 3 elements", with(with(base, imageList(refs(4))), elements(3)),
            "4 images and 4 elements", with(with(base, imageList(refs(4))), elements(4)),
            "image_list"),
        new RuleCase(
            "o1.references.max-with-video",
            "a feature video with 2 images and 2 elements",
            with(with(with(base, video(mp4, "feature")), imageList(refs(2))), elements(2)),
            "a feature video with 3 images and 2 elements",
            with(with(with(base, video(mp4, "feature")), imageList(refs(3))), elements(2)),
            "image_list"),
        new RuleCase(
            "o1.frames.end-requires-first",
            "a first and an end frame", with(base, imageList(imageEntry(PNG, "first_frame"), imageEntry(PNG, "end_frame"))),
            "a reference image and an end frame", with(base, imageList(imageEntry(PNG, null), imageEntry(PNG, "end_frame"))),
            "image_list[1].type"),
        new RuleCase(
            "o1.frames.end-frame-max-images",
            "an end frame among 2 images", with(base, imageList(imageEntry(PNG, "first_frame"), imageEntry(PNG, "end_frame"))),
            "an end frame among 3 images",
            with(base, imageList(imageEntry(PNG, "first_frame"), imageEntry(PNG, "end_frame"), imageEntry(PNG, null))),
            "image_list[1].type"),
        new RuleCase(
            "o1.frames.at-most-one-each",
            "one first frame", with(base, imageList(imageEntry(PNG, "first_frame"))),
            "two first frames", with(base, imageList(imageEntry(PNG, "first_frame"), imageEntry(PNG, "first_frame"))),
            "image_list[1].type"),
        new RuleCase(
            "o1.frames.not-with-base-video",
            "a first frame with a feature video",
            with(with(base, video(mp4, "feature")), imageList(imageEntry(PNG, "first_frame"))),
            "a first frame with a video to edit",
            with(with(base, video(mp4, "base")), imageList(imageEntry(PNG, "first_frame"))),
            "image_list[0].type"),
        new RuleCase(
            "o1.aspect-ratio.required-unless-frame-or-base",
            "no aspect_ratio with a first frame",
            with(with(base, b -> b.remove("aspect_ratio")), imageList(imageEntry(PNG, "first_frame"))),
            "no aspect_ratio with a reference image",
            with(with(base, b -> b.remove("aspect_ratio")), imageList(imageEntry(PNG, null))),
            "aspect_ratio"),
        new RuleCase(
            "o1.duration.five-or-ten-for-text-and-frames",
            "text to video of 10 s", with(base, b -> b.put("duration", "10")),
            "text to video of 7 s", with(base, b -> b.put("duration", "7")),
            "duration"),
        new RuleCase(
            "o1.duration.ignored-with-base-video",
            "a video to edit without duration", with(with(base, b -> b.remove("aspect_ratio")), video(mp4, null)),
            "a video to edit with duration",
            with(with(base, b -> { b.remove("aspect_ratio"); b.put("duration", "5"); }), video(mp4, null)),
            "duration"),
        new RuleCase(
            "o1.prompt.references-resolve",
            "<<<image_1>>> with one image",
            with(with(base, b -> b.put("prompt", "Animate <<<image_1>>>")), imageList(imageEntry(PNG, null))),
            "<<<image_2>>> with one image",
            with(with(base, b -> b.put("prompt", "Animate <<<image_2>>>")), imageList(imageEntry(PNG, null))),
            "prompt"),
        new RuleCase(
            "o1.elements.known",
            "a subject of the library", with(base, b -> b.putArray("element_list").addObject().put("element_id", 829301)),
            "a subject not in the library", with(base, b -> b.putArray("element_list").addObject().put("element_id", 7)),
            "element_list[0].element_id"));
  }

  private static List<RuleCase> o1ImageCases() {
    ObjectNode base = Bodies.o1();
    String first = "image_list[0].image_url";
    return List.of(
        new RuleCase(
            "o1.image.encoding",
            "plain base64", withImage(base, PNG),
            "base64 with a data: prefix", withImage(base, "data:image/png;base64," + PNG),
            first),
        new RuleCase(
            "o1.image.format",
            "a JPEG", withImage(base, Media.jpeg(300, 300)),
            "a GIF", withImage(base, Media.gif(300, 300)),
            first),
        new RuleCase(
            "o1.image.max-size",
            "an image of exactly 10 MiB", withImage(base, Media.pngOfSize((int) (10 * MIB))),
            "an image of 10 MiB + 1 byte", withImage(base, Media.pngOfSize((int) (10 * MIB) + 1)),
            first),
        new RuleCase(
            "o1.image.min-dimensions",
            "a 300x300 image", withImage(base, PNG),
            "a 299x300 image", withImage(base, Media.png(299, 300)),
            first),
        new RuleCase(
            "o1.image.aspect-ratio",
            "a 300x750 image (1:2.5)", withImage(base, Media.png(300, 750)),
            "a 300x752 image", withImage(base, Media.png(300, 752)),
            first),
        new RuleCase(
            "o1.image.url-reachable",
            "a URL that serves a JPEG", withImage(base, host.serve("/ref.jpg", SyntheticMedia.jpeg(400, 300))),
            "a URL that answers 404", withImage(base, host.url("/missing.jpg")),
            first));
  }

  private static List<RuleCase> o1VideoCases() {
    ObjectNode base = Bodies.o1();
    String param = "video_list[0].video_url";
    long cap = 200 * MIB;
    byte[] small = SyntheticMedia.mp4(1280, 720, 24, 5);
    return List.of(
        new RuleCase(
            "o1.video.format",
            "a MOV", withVideo(base, host.serve("/clip.mov", SyntheticMedia.mov(1280, 720, 24, 5))),
            "a PNG served as .mp4", withVideo(base, host.serve("/not-a-video.mp4", bytes(300, 300))),
            param),
        new RuleCase(
            "o1.video.max-size",
            "an MP4 of exactly 200 MiB", withVideo(base, host.serve("/200mib.mp4", PaddedVideo.of(small, cap))),
            "an MP4 of 200 MiB + 1 byte", withVideo(base, host.serve("/200mib-plus-1.mp4", PaddedVideo.of(small, cap + 1))),
            param),
        new RuleCase(
            "o1.video.duration-range",
            "a video of 3 s", withVideo(base, host.serve("/3s.mp4", SyntheticMedia.mp4(1280, 720, 24, 3.0))),
            "a video of 71 frames at 24 fps (2.96 s)",
            withVideo(base, host.serve("/2.96s.mp4", SyntheticMedia.mp4(1280, 720, 24, 71 / 24.0))),
            param),
        new RuleCase(
            "o1.video.dimensions",
            "a 720x1280 video", withVideo(base, host.serve("/720w.mp4", SyntheticMedia.mp4(720, 1280, 24, 5))),
            "a 718x1280 video", withVideo(base, host.serve("/718w.mp4", SyntheticMedia.mp4(718, 1280, 24, 5))),
            param),
        new RuleCase(
            "o1.video.fps",
            "a video at 60 fps", withVideo(base, host.serve("/60fps.mp4", SyntheticMedia.mp4(1280, 720, 60, 5))),
            "a video at 61 fps", withVideo(base, host.serve("/61fps.mp4", SyntheticMedia.mp4(1280, 720, 61, 5))),
            param),
        new RuleCase(
            "o1.video.url-reachable",
            "a URL that serves an MP4", withVideo(base, host.serve("/reachable.mp4", small)),
            "a URL that answers 404", withVideo(base, host.url("/missing.mp4")),
            param));
  }

  private static List<RuleCase> v21i2vCases() {
    ObjectNode base = Bodies.v21i2v(PNG);
    return List.of(
        new RuleCase(
            "v21i2v.image.encoding",
            "plain base64", base,
            "base64 with a data: prefix", Bodies.v21i2v("data:image/png;base64," + PNG),
            "image"),
        new RuleCase(
            "v21i2v.image.format",
            "a JPEG", Bodies.v21i2v(Media.jpeg(300, 300)),
            "a GIF", Bodies.v21i2v(Media.gif(300, 300)),
            "image"),
        new RuleCase(
            "v21i2v.image.max-size",
            "an image of exactly 10 MiB", Bodies.v21i2v(Media.pngOfSize((int) (10 * MIB))),
            "an image of 10 MiB + 1 byte", Bodies.v21i2v(Media.pngOfSize((int) (10 * MIB) + 1)),
            "image"),
        new RuleCase(
            "v21i2v.image.min-dimensions",
            "a 300x300 image", base,
            "a 120x120 image", Bodies.v21i2v(Media.png(120, 120)),
            "image"),
        new RuleCase(
            "v21i2v.image.aspect-ratio",
            "a 750x300 image (2.5:1)", Bodies.v21i2v(Media.png(750, 300)),
            "a 752x300 image", Bodies.v21i2v(Media.png(752, 300)),
            "image"),
        new RuleCase(
            "v21i2v.image.url-reachable",
            "a URL that serves a PNG", Bodies.v21i2v(host.serve("/v21.png", bytes(300, 300))),
            "a URL that answers 404", Bodies.v21i2v(host.url("/missing-v21.png")),
            "image"));
  }

  private static ObjectNode shots(ObjectNode multi, String first, String second) {
    return with(
        multi,
        b -> {
          ((ObjectNode) b.withArray("multi_prompt").get(0)).put("duration", first);
          ((ObjectNode) b.withArray("multi_prompt").get(1)).put("duration", second);
        });
  }

  private static JsonNode[] refs(int count) {
    JsonNode[] entries = new JsonNode[count];
    for (int i = 0; i < count; i++) {
      entries[i] = imageEntry(PNG, null);
    }
    return entries;
  }

  private static ObjectNode withImage(ObjectNode base, String image) {
    return with(base, imageList(imageEntry(image, null)));
  }

  private static ObjectNode withVideo(ObjectNode base, String url) {
    return with(with(base, b -> b.remove("aspect_ratio")), video(url, "base"));
  }

  private static byte[] bytes(int width, int height) {
    return SyntheticMedia.png(width, height);
  }
}
