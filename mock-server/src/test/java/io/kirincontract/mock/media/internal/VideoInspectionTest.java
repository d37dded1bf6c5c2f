package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Malformed;
import io.kirincontract.mock.media.Inspection.TooLarge;
import io.kirincontract.mock.media.Inspection.Unreachable;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.VideoInfo;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VideoInspectionTest {

  private static LocalMediaServer server;
  private final MediaInspector inspector = new DefaultMediaInspector(Fixtures.settings());

  @BeforeAll
  static void startServer() throws IOException {
    server = LocalMediaServer.start();
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @ParameterizedTest(name = "{0} {1}x{2}, {3} fps, {4} s")
  @CsvSource({
    "MP4, 720, 1280, 30, 3",
    "MP4, 1920, 1080, 24, 10",
    "MP4, 640, 360, 60, 2",
    "MOV, 1280, 720, 25, 5",
    "MOV, 3840, 2160, 30, 3"
  })
  void readsContainerSizeDurationAndFrameRateOfAServedVideo(
      VideoContainer container, int width, int height, int fps, double seconds) {
    byte[] video = SyntheticMedia.video(new VideoShape(width, height, fps, seconds), container);
    String url = server.serve("/" + container + width + "x" + height + "-" + fps, video);

    Inspection<VideoInfo> result = inspector.inspectVideo(url);

    assertThat(result).isInstanceOf(Inspected.class);
    VideoInfo info = ((Inspected<VideoInfo>) result).info();
    assertThat(info.container()).isEqualTo(container);
    assertThat(info.width()).isEqualTo(width);
    assertThat(info.height()).isEqualTo(height);
    assertThat(info.durationSeconds()).isCloseTo(seconds, within(0.05));
    assertThat(info.fps()).isCloseTo(fps, within(0.5));
    assertThat(info.byteSize()).isEqualTo(video.length);
    assertThat(((Inspected<VideoInfo>) result).source()).isEqualTo(MediaSource.URL);
  }

  @Test
  void anImageUrlIsUnreadableAsAVideo() {
    String url = server.serve("/not-a-video.mp4", SyntheticMedia.png(640, 480));

    assertThat(inspector.inspectVideo(url))
        .isEqualTo(
            new Unreadable<>("PNG image; only MP4 and MOV videos are accepted", MediaSource.URL));
  }

  @Test
  void aHeifImageIsUnreadableAsAVideo() {
    byte[] heif =
        IsoFileBuilder.box(
            "ftyp", IsoFileBuilder.ascii("heic"), new byte[4], IsoFileBuilder.ascii("mif1heic"));
    String url = server.serve("/photo.heic", heif);

    assertThat(((Unreadable<VideoInfo>) inspector.inspectVideo(url)).reason())
        .startsWith("HEIF/AVIF image");
  }

  @Test
  void aVideoCutShortIsUnreadableAsTruncated() {
    byte[] mp4 = SyntheticMedia.mp4(640, 360, 30, 3);
    String url = server.serve("/cut.mp4", Arrays.copyOf(mp4, mp4.length / 2));

    Inspection<VideoInfo> result = inspector.inspectVideo(url);

    assertThat(result).isInstanceOf(Unreadable.class);
    assertThat(((Unreadable<VideoInfo>) result).reason())
        .startsWith("truncated or corrupt video: box 'mdat'");
  }

  @Test
  void anAudioOnlyMp4IsUnreadable() {
    String url = server.serve("/audio.m4a", IsoFileBuilder.movie().withoutVideoTrack().build());

    assertThat(inspector.inspectVideo(url))
        .isEqualTo(new Unreadable<>("MP4 file without a video track", MediaSource.URL));
  }

  @Test
  void aVideoOverTheCapIsTooLarge() {
    MediaInspector small = new DefaultMediaInspector(Fixtures.settings(1_000_000, 10_000));
    byte[] mp4 = SyntheticMedia.mp4(1280, 720, 30, 3);

    Inspection<VideoInfo> result = small.inspectVideo(server.serve("/large.mp4", mp4));

    assertThat(result).isEqualTo(new TooLarge<>(10_000, mp4.length, MediaSource.URL));
  }

  @Test
  void aVideoMustBeAUrl() {
    String base64 = Fixtures.base64(SyntheticMedia.mp4(320, 240, 24, 1));

    assertThat(inspector.inspectVideo(base64))
        .isEqualTo(new Malformed<>("a video must be given as an http:// or https:// URL"));
    assertThat(inspector.inspectVideo("data:video/mp4;base64,AAAA")).isInstanceOf(Malformed.class);
  }

  @Test
  void aMissingVideoIsUnreachable() {
    String url = server.status("/gone.mp4", 410);

    assertThat(inspector.inspectVideo(url))
        .isEqualTo(new Unreachable<>(url, "the server answered HTTP 410 (Gone)"));
  }
}
