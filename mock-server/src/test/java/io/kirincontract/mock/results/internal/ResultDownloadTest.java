package io.kirincontract.mock.results.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.internal.DefaultMediaInspector;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.internal.MediaFetchSettings;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MockApi;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A completed task's content URLs serve real MP4s of the shape in its metadata, read back with the media inspector;
 * the URLs need no key but cannot be guessed from the task id.
 */
class ResultDownloadTest {

  private static KirinMockServer server;
  private static MockApi api;
  private static final DefaultMediaInspector INSPECTOR = new DefaultMediaInspector(MediaFetchSettings.defaults());

  @BeforeAll
  static void start() {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-11-22T10:00:00Z")));
    api = new MockApi(server.baseUrl(), "tenant-a");
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of("V3 std 16:9 5 s", Bodies.v3t2v(), 1280, 720, 5),
        Arguments.of(
            "V3 pro 9:16 10 s",
            json("{'model': 'kirin_v3_t2v', 'prompt': 'A fox', 'mode': 'pro', 'aspect_ratio': '9:16', 'duration': '10'}"),
            1080, 1920, 10),
        Arguments.of("V2.1 following a 5:2 image", Bodies.v21i2v(Media.png(750, 300)), 2700, 1080, 5),
        Arguments.of(
            "O1 std 1:1 10 s",
            json("{'model': 'kirin_video_o1', 'prompt': 'A boat', 'mode': 'std', 'aspect_ratio': '1:1', 'duration': '10'}"),
            720, 720, 10));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("bodies")
  void theResultIsAnMp4OfTheWidthHeightFpsAndDurationInTheMetadata(
      String name, ObjectNode body, int width, int height, int seconds) {
    JsonNode task = completed(body);
    JsonNode metadata = task.path("metadata");
    assertThat(metadata.path("width").asInt()).isEqualTo(width);
    assertThat(metadata.path("height").asInt()).isEqualTo(height);
    JsonNode content = task.path("output").path("content").get(0);
    String url = content.path("url").asText();
    assertThat(url).startsWith(server.baseUrl() + "/files/" + task.path("id").asText() + "/").endsWith("/video.mp4");

    MockApi.Download download = MockApi.download(url);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.contentType()).isEqualTo("video/mp4");
    VideoInfo video = inspect(url);
    assertThat(video.container()).isEqualTo(VideoContainer.MP4);
    assertThat(video.width()).isEqualTo(metadata.path("width").asInt());
    assertThat(video.height()).isEqualTo(metadata.path("height").asInt());
    assertThat(video.fps()).isEqualTo(metadata.path("fps").asDouble());
    assertThat(video.durationSeconds()).isEqualTo(metadata.path("duration").asDouble()).isEqualTo(seconds);
    assertThat(content.path("duration").asDouble()).isEqualTo(video.durationSeconds());
    assertThat(video.byteSize()).isEqualTo(download.body().length);
  }

  @Test
  void withAWatermarkTheContentHoldsAPlainAndAWatermarkedVideoThatDiffer() {
    JsonNode task = completed(with(Bodies.v3t2v(), b -> b.putObject("watermark_info").put("enabled", true)));
    JsonNode content = task.path("output").path("content");
    assertThat(content).hasSize(2);
    assertThat(content.get(0).path("watermarked").asBoolean()).isFalse();
    assertThat(content.get(1).path("watermarked").asBoolean()).isTrue();
    assertThat(content.get(1).path("url").asText()).endsWith("/video-watermarked.mp4");
    assertThat(content.get(1).path("jobId").asText()).isEqualTo(content.get(0).path("jobId").asText()).startsWith("job_");

    byte[] plain = MockApi.download(content.get(0).path("url").asText()).body();
    byte[] marked = MockApi.download(content.get(1).path("url").asText()).body();
    assertThat(marked).isNotEqualTo(plain);
    assertThat(new String(marked, StandardCharsets.ISO_8859_1)).contains(ResultVideos.WATERMARK);
    assertThat(Arrays.copyOf(marked, plain.length)).as("the same video, marked after it").isEqualTo(plain);
    VideoInfo video = inspect(content.get(1).path("url").asText());
    assertThat(video.width()).isEqualTo(1280);
    assertThat(video.durationSeconds()).isEqualTo(5.0);
  }

  @Test
  void fileUrlsNeedNoKeyButCannotBeGuessedFromTheTaskId() {
    JsonNode task = completed(Bodies.v3t2v());
    JsonNode other = completed(Bodies.v3t2v());
    String id = task.path("id").asText();
    String url = task.path("output").path("content").get(0).path("url").asText();
    String token = url.split("/")[5];
    assertThat(token).matches("[0-9a-f]{32}");
    String otherToken = other.path("output").path("content").get(0).path("url").asText().split("/")[5];

    assertThat(MockApi.download(url).status()).as("no Authorization header was sent").isEqualTo(200);
    assertNotFound(server.baseUrl() + "/files/" + id + "/" + otherToken + "/video.mp4");
    assertNotFound(server.baseUrl() + "/files/" + id + "/" + "0".repeat(32) + "/video.mp4");
    assertNotFound(server.baseUrl() + "/files/" + id + "/" + token + "/video.mov");
    assertNotFound(server.baseUrl() + "/files/" + id + "/" + token + "/video-watermarked.mp4");
    assertThat(MockApi.download(server.baseUrl() + "/files/" + id + "/video.mp4").status()).isEqualTo(404);
  }

  @Test
  void onlyACompletedTaskHasFilesAndADeletedTasksFilesAreGone() {
    String held = api.create(Bodies.v3t2v(), "hold=processing").assertQueued().path("id").asText();
    String failed = api.create(Bodies.v3t2v(), "fail=default").assertQueued().path("id").asText();
    JsonNode done = completed(Bodies.v3t2v());
    assertThat(api.task(held).has("output")).isFalse();
    assertThat(api.task(failed).has("output")).isFalse();

    String url = done.path("output").path("content").get(0).path("url").asText();
    assertThat(MockApi.download(url).status()).isEqualTo(200);
    server.admin().deleteTask(done.path("id").asText());
    assertNotFound(url);
  }

  private static JsonNode completed(JsonNode body) {
    String id = api.create(body).assertQueued().path("id").asText();
    server.manualClock().advance(Duration.ofMinutes(1));
    JsonNode task = api.task(id);
    assertThat(task.path("status").asText()).isEqualTo("completed");
    return task;
  }

  private static VideoInfo inspect(String url) {
    Inspection<VideoInfo> inspection = INSPECTOR.inspectVideo(url);
    assertThat(inspection).as("%s", inspection).isInstanceOf(Inspection.Inspected.class);
    return ((Inspection.Inspected<VideoInfo>) inspection).info();
  }

  private static void assertNotFound(String url) {
    MockApi.Download download = MockApi.download(url);
    assertThat(download.status()).as(url).isEqualTo(404);
    String body = new String(download.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("\"code\":\"file_not_found\"");
  }
}
