package io.kirincontract.mock.media.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.VideoInfo;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fragmented MP4 is MP4 (DESIGN §3): files written by FFmpeg with {@code -movflags frag_keyframe+empty_moov} (as
 * MediaRecorder, CMAF and DASH tools write: no samples in the movie box, all in {@code moof} fragments), with
 * {@code frag_keyframe} alone (the first fragment's samples in the movie box), and as CMAF, are read from their
 * fragments; one that breaks a limit is refused for that limit, not for its format. The fixtures are in
 * {@code src/test/resources/media/fragmented/} (how they were made: the README there).
 */
class FragmentedMp4Test {

  private static KirinMockServer server;
  private static MockApi api;
  private static MediaHost host;
  private final VideoHeaderReader reader = new VideoHeaderReader();

  @BeforeAll
  static void start() throws IOException {
    server = KirinMockServer.start(config -> config.port(0).manualClock(Instant.parse("2026-12-02T10:00:00Z")));
    api = new MockApi(server.baseUrl(), "fragmented");
    host = new MediaHost();
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
  }

  @Test
  void aFileWithEveryFrameInFragmentsIsReadFromTheFragments() throws IOException {
    VideoInfo video = read("fragmented-5s-720p-30fps.mp4");

    assertThat(video.container()).isEqualTo(VideoContainer.MP4);
    assertThat(video.width()).isEqualTo(1280);
    assertThat(video.height()).isEqualTo(720);
    assertThat(video.durationSeconds()).isCloseTo(5.0, within(1e-6));
    assertThat(video.fps()).isCloseTo(30.0, within(1e-6));
  }

  @Test
  void aFileWithItsFirstFragmentInTheMovieBoxCountsTheMovieBoxAndTheFragments() throws IOException {
    VideoInfo video = read("fragmented-moov-first-gop-5s-23.976fps.mp4");

    assertThat(video.width()).isEqualTo(1280);
    assertThat(video.durationSeconds()).isCloseTo(5.005, within(1e-6));
    assertThat(video.fps()).isCloseTo(24000.0 / 1001, within(1e-6));
  }

  @Test
  void aCmafFileIsRead() throws IOException {
    VideoInfo video = read("cmaf-5s-1080p-30fps.mp4");

    assertThat(video.width()).isEqualTo(1920);
    assertThat(video.height()).isEqualTo(1080);
    assertThat(video.durationSeconds()).isCloseTo(5.0, within(1e-6));
    assertThat(video.fps()).isCloseTo(30.0, within(1e-6));
  }

  @Test
  void aFragmentedBaseVideoIsAcceptedForEditingAndTheResultFollowsIt() throws IOException {
    ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'Make it snow'}");
    Bodies.video(host.serve("/frag.mp4", fixture("fragmented-5s-720p-30fps.mp4")), "base").accept(body);

    String id = api.create(body).assertQueued().path("id").asText();
    server.manualClock().advance(Duration.ofHours(1));

    JsonNode task = api.task(id);
    assertThat(task.path("status").asText()).isEqualTo("completed");
    assertThat(task.path("metadata").path("aspect_ratio").asText()).isEqualTo("16:9");
    assertThat(task.path("metadata").path("duration").asDouble()).isEqualTo(5.0);
  }

  @Test
  void aFragmentedFileThatIsTooShortIsRefusedForItsDurationNotItsFormat() throws IOException {
    ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'Make it snow'}");
    Bodies.video(host.serve("/short.mp4", fixture("fragmented-2s-720p-30fps.mp4")), "base").accept(body);

    MockApi.Reply reply = api.create(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("rule").asText()).isEqualTo("o1.video.duration-range");
    assertThat(reply.error().path("error_message").asText()).contains("2");
  }

  private VideoInfo read(String name) throws IOException {
    Inspection<VideoInfo> inspection = reader.read(fixture(name), MediaSource.URL);
    assertThat(inspection).as("%s", inspection).isInstanceOf(Inspected.class);
    return ((Inspected<VideoInfo>) inspection).info();
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = FragmentedMp4Test.class.getResourceAsStream("/media/fragmented/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
