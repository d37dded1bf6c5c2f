package io.kirincontract.mock.results.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.drew.imaging.mp4.Mp4MetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.mp4.Mp4Directory;
import com.drew.metadata.mp4.media.Mp4SoundDirectory;
import com.drew.metadata.mp4.media.Mp4VideoDirectory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.CallbackSink;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every accepted request gives results that download (DESIGN §3): for each model a seeded spread of accepted
 * requests (modes, aspect ratios, sound, watermarks, image shapes at and past the limits, image_tail far past them,
 * base videos of many shapes and rates), each driven to {@code completed}; every content URL answers 200 with an MP4
 * whose width, height, frame rate and duration, read back with metadata-extractor (not the mock's own reader), are
 * those that {@code metadata} states (with an audio track exactly when {@code sound} is on), and the callback of each task carries the same task. No 5xx anywhere.
 *
 * <p>The seed is fixed ({@code -Dkirin.results.seed=N} for another spread, {@code -Dkirin.results.count=N} for a
 * larger one).
 */
class AcceptedRequestsGiveDownloadableResultsTest {

  private static final long SEED = Long.getLong("kirin.results.seed", 20261202L);
  private static final int COUNT = Integer.getInteger("kirin.results.count", 60);
  private static final String[] RATIOS = {"16:9", "9:16", "1:1"};

  private static KirinMockServer server;
  private static MockApi api;
  private static MediaHost host;
  private static CallbackSink sink;

  @BeforeAll
  static void start() throws IOException {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-12-02T10:00:00Z")));
    api = new MockApi(server.baseUrl(), "results-property");
    host = new MediaHost();
    sink = CallbackSink.accepting();
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
    sink.close();
  }

  @Test
  void everyAcceptedRequestCompletesWithResultsThatDownloadAsTheMetadataStates() throws Exception {
    Random random = new Random(SEED);
    Map<String, String> described = new LinkedHashMap<>();
    for (int i = 0; i < COUNT; i++) {
      String what = "seed " + SEED + ", request " + i;
      ObjectNode body = request(random, i);
      body.put("callback_url", sink.url());
      if (random.nextInt(3) == 0) {
        body.putObject("watermark_info").put("enabled", true);
      }
      MockApi.Reply reply = api.create(body);
      assertThat(reply.status()).as("%s: %s -> %s", what, summary(body), reply.raw()).isEqualTo(200);
      described.put(reply.json().path("id").asText(), what + ": " + summary(body));
    }
    server.manualClock().advance(Duration.ofHours(1));

    for (Map.Entry<String, String> entry : described.entrySet()) {
      String id = entry.getKey();
      MockApi.Reply poll = api.get("/v1/videos/generations/" + id);
      assertThat(poll.status()).as(entry.getValue()).isEqualTo(200);
      JsonNode task = poll.json();
      assertThat(task.path("status").asText()).as(entry.getValue()).isEqualTo("completed");
      JsonNode metadata = task.path("metadata");
      JsonNode content = task.path("output").path("content");
      assertThat(content.size()).as(entry.getValue()).isBetween(1, 2);
      for (JsonNode item : content) {
        MockApi.Download download = MockApi.download(item.path("url").asText());
        assertThat(download.status()).as("%s: download of %s", entry.getValue(), item).isEqualTo(200);
        Facts facts = Facts.read(download.body());
        assertThat(facts.width()).as(entry.getValue()).isEqualTo(metadata.path("width").asInt());
        assertThat(facts.height()).as(entry.getValue()).isEqualTo(metadata.path("height").asInt());
        assertThat(facts.fps()).as(entry.getValue()).isEqualTo(metadata.path("fps").asDouble());
        assertThat(facts.seconds()).as(entry.getValue()).isEqualTo(metadata.path("duration").asDouble());
        assertThat(item.path("duration").asDouble()).as(entry.getValue()).isEqualTo(facts.seconds());
        assertThat(facts.audio())
            .as("%s: an audio track exactly when metadata.sound is on", entry.getValue())
            .isEqualTo("on".equals(metadata.path("sound").asText()));
      }
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              for (String id : described.keySet()) {
                assertThat(sink.forTask(id)).as(described.get(id)).anyMatch(c -> "completed".equals(c.status()));
              }
            });
    for (String id : described.keySet()) {
      CallbackSink.Received completed =
          sink.forTask(id).stream().filter(c -> "completed".equals(c.status())).findFirst().orElseThrow();
      assertThat(completed.json().path("output")).as(described.get(id)).isEqualTo(api.task(id).path("output"));
    }
  }

  @Test
  void anImageTailPastTheImageLimitsIsFollowedClampedAndTheMetadataSaysSo() {
    ObjectNode body = json("{'model': 'kirin_v3_i2v', 'prompt': 'x', 'mode': 'pro'}");
    body.put("image_tail", Media.png(1200, 300));
    String id = api.create(body).assertQueued().path("id").asText();
    server.manualClock().advance(Duration.ofHours(1));

    JsonNode metadata = api.task(id).path("metadata");
    assertThat(metadata.path("aspect_ratio").asText()).isEqualTo("5:2");
    assertThat(metadata.path("width").asInt()).isEqualTo(2700);
    assertThat(metadata.path("height").asInt()).isEqualTo(1080);
    assertThat(metadata.path("warnings").toString()).contains("image_tail").contains("4:1").contains("clamped to 5:2");
  }

  @Test
  void anImageTailWithinTheLimitsIsFollowedAsItIsWithoutAWarning() {
    ObjectNode body = json("{'model': 'kirin_v3_i2v', 'prompt': 'x', 'mode': 'std'}");
    body.put("image_tail", Media.png(400, 1000));
    String id = api.create(body).assertQueued().path("id").asText();
    server.manualClock().advance(Duration.ofHours(1));

    JsonNode metadata = api.task(id).path("metadata");
    assertThat(metadata.path("aspect_ratio").asText()).isEqualTo("2:5");
    assertThat(metadata.path("width").asInt()).isEqualTo(720);
    assertThat(metadata.path("height").asInt()).isEqualTo(1800);
    assertThat(metadata.path("warnings").toString()).doesNotContain("image_tail");
  }

  @Test
  void anEditLastsAsLongAsTheInputAsMeasuredAndOnlyBillingRoundsToTheSecond() throws Exception {
    String url = host.serve("/edit-4.625.mp4", SyntheticMedia.mp4(1280, 720, 24, 4.625));
    ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'Make it snow', 'mode': 'pro'}");
    Bodies.video(url, "base").accept(body);
    String id = api.create(body).assertQueued().path("id").asText();
    server.manualClock().advance(Duration.ofHours(1));
    JsonNode done = api.task(id);

    assertThat(done.path("metadata").path("duration").asDouble()).isEqualTo(4.625);
    assertThat(done.path("metadata").path("input_video_duration").asDouble()).isEqualTo(4.625);
    JsonNode content = done.path("output").path("content").get(0);
    assertThat(content.path("duration").asDouble()).isEqualTo(4.625);
    assertThat(Facts.read(MockApi.download(content.path("url").asText()).body()).seconds()).isEqualTo(4.625);
    assertThat(done.path("usage").path("cost").asText()).as("5 s of O1 pro at 0.12 USD").isEqualTo("0.6000");
  }

  private static ObjectNode request(Random random, int i) {
    return switch (i % 5) {
      case 0 -> v3t2v(random);
      case 1 -> v3i2v(random);
      case 2 -> o1(random);
      case 3 -> json("{'model': 'kirin_v2_master_t2v', 'prompt': 'A boat', 'aspect_ratio': '" + ratio(random)
          + "', 'duration': '" + (random.nextBoolean() ? 5 : 10) + "'}");
      default -> Bodies.v21i2v(image(random));
    };
  }

  private static ObjectNode v3t2v(Random random) {
    if (random.nextInt(4) == 0) {
      return Bodies.v3t2vMultiShot();
    }
    ObjectNode body = json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox'}");
    body.put("mode", random.nextBoolean() ? "pro" : "std");
    body.put("aspect_ratio", ratio(random));
    body.put("duration", String.valueOf(random.nextBoolean() ? 5 : 10));
    body.put("sound", random.nextBoolean() ? "on" : "off");
    return body;
  }

  private static ObjectNode v3i2v(Random random) {
    ObjectNode body = json("{'model': 'kirin_v3_i2v', 'prompt': 'A fox'}");
    body.put("mode", random.nextBoolean() ? "pro" : "std");
    int kind = random.nextInt(3);
    if (kind != 1) {
      body.put("image", image(random));
    }
    if (kind != 0) {
      // no aspect-ratio limit on image_tail: long sides up to 20 times the short one
      int shortSide = 300 + random.nextInt(300);
      int longSide = shortSide * (1 + random.nextInt(20));
      body.put("image_tail", random.nextBoolean() ? Media.png(longSide, shortSide) : Media.png(shortSide, longSide));
    }
    return body;
  }

  private static ObjectNode o1(Random random) {
    String mode = random.nextBoolean() ? "pro" : "std";
    return switch (random.nextInt(3)) {
      case 0 -> json("{'model': 'kirin_video_o1', 'prompt': 'A boat', 'mode': '" + mode + "', 'aspect_ratio': '"
          + ratio(random) + "', 'duration': '" + (random.nextBoolean() ? 5 : 10) + "'}");
      case 1 -> {
        ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'A boat', 'mode': '" + mode + "'}");
        Bodies.imageList(Bodies.imageEntry(image(random), "first_frame")).accept(body);
        yield body;
      }
      default -> {
        int width = 720 + 16 * random.nextInt(90);
        int height = 720 + 16 * random.nextInt(90);
        int fps = 24 + random.nextInt(37);
        double seconds = 3 + random.nextInt(8) + (random.nextBoolean() ? 0.5 : 0);
        String url = host.serve("/base-" + width + "x" + height + "-" + fps + "-" + seconds + ".mp4",
            SyntheticMedia.mp4(width, height, fps, seconds));
        ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'Make it snow', 'mode': '" + mode + "'}");
        Bodies.video(url, "base").accept(body);
        ((ObjectNode) body.get("video_list").get(0)).put("keep_original_sound", random.nextBoolean() ? "yes" : "no");
        yield body;
      }
    };
  }

  /** An image within every limit of `image`: 300 px or more each side, aspect ratio within 1:2.5 and 2.5:1. */
  private static String image(Random random) {
    int shortSide = imageSide(random);
    int longSide = (int) Math.floor(shortSide * (1 + 1.5 * random.nextDouble()));
    return random.nextBoolean() ? Media.png(longSide, shortSide) : Media.png(shortSide, longSide);
  }

  private static int imageSide(Random random) {
    return 300 + random.nextInt(500);
  }

  private static String ratio(Random random) {
    return RATIOS[random.nextInt(RATIOS.length)];
  }

  private static String summary(JsonNode body) {
    List<String> parts = new ArrayList<>();
    body.fields()
        .forEachRemaining(
            field -> {
              String text = field.getValue().toString();
              parts.add(field.getKey() + "=" + (text.length() > 80 ? text.substring(0, 40) + "…(" + text.length() + ")" : text));
            });
    return String.join(", ", parts);
  }

  /** What metadata-extractor reads from an MP4: coded size, frame rate and the movie's duration. */
  record Facts(int width, int height, double fps, double seconds, boolean audio) {

    static Facts read(byte[] mp4) throws Exception {
      Metadata metadata = Mp4MetadataReader.readMetadata(new ByteArrayInputStream(mp4));
      Mp4Directory movie = metadata.getFirstDirectoryOfType(Mp4Directory.class);
      Mp4VideoDirectory video = metadata.getFirstDirectoryOfType(Mp4VideoDirectory.class);
      assertThat(movie).as("an MP4 movie header").isNotNull();
      assertThat(video).as("an MP4 video track").isNotNull();
      return new Facts(
          video.getInt(Mp4VideoDirectory.TAG_WIDTH),
          video.getInt(Mp4VideoDirectory.TAG_HEIGHT),
          video.getDouble(Mp4VideoDirectory.TAG_FRAME_RATE),
          (double) movie.getLong(Mp4Directory.TAG_DURATION) / movie.getLong(Mp4Directory.TAG_TIME_SCALE),
          metadata.getFirstDirectoryOfType(Mp4SoundDirectory.class) != null);
    }
  }
}
