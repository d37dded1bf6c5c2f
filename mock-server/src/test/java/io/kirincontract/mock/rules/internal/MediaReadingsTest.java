package io.kirincontract.mock.rules.internal;

import static io.kirincontract.mock.support.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.Media;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How media are read and how their limits are quoted (DESIGN §3): frame rates rounded to the nearest whole frame
 * (FFmpeg-written fixtures in {@code src/test/resources/media/rates/}), aspect ratios printed with enough precision
 * that a ratio just outside never reads as the limit, sizes in the documents' words with the exact bytes.
 */
class MediaReadingsTest {

  private static KirinMockServer server;
  private static MockApi api;
  private static MediaHost host;

  @BeforeAll
  static void start() throws IOException {
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "readings");
    host = new MediaHost();
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
  }

  @Test
  void twentyFourPCameraFootageAt23Point976FpsIsTwentyFourAndAccepted() throws IOException {
    assertThat(api.create(withFeatureVideo("24p-23.976fps-5s.mp4")).status()).isEqualTo(200);
  }

  @Test
  void footageAt59Point94FpsIsSixtyAndAccepted() throws IOException {
    assertThat(api.create(withFeatureVideo("59.94fps-5s.mp4")).status()).isEqualTo(200);
  }

  @Test
  void footageAt23Point4FpsRoundsToTwentyThreeAndIsRefusedWithBothRates() throws IOException {
    MockApi.Reply reply = api.create(withFeatureVideo("23.4fps-5s.mp4"));

    reply.assertError(400, "invalid_media", "video_list[0].video_url", "o1.video.fps");
    assertThat(reply.error().path("error_message").asText())
        .contains("23.400 fps (23 to the nearest whole frame)")
        .contains("24 to 60 fps");
  }

  @Test
  void anAspectRatioJustOutsideTheLimitNeverReadsAsTheLimit() {
    MockApi.Reply wide = api.create(Bodies.v21i2v(Media.png(751, 300)));
    MockApi.Reply tall = api.create(Bodies.v21i2v(Media.png(300, 751)));

    assertThat(wide.error().path("error_message").asText())
        .contains("751x300 px (aspect ratio 2.503:1)")
        .contains("between 1:2.5 and 2.5:1");
    assertThat(tall.error().path("error_message").asText()).contains("300x751 px (aspect ratio 1:2.503)");
  }

  @Test
  void anImageOverTheSizeLimitQuotesTheLimitInTheDocumentsWordsWithTheExactBytes() {
    ObjectNode body = Bodies.v3i2v(Media.base64(SyntheticMedia.pngOfSize(400, 400, 10 * 1024 * 1024 + 1)));

    MockApi.Reply reply = api.create(body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("error_message").asText())
        .contains("10,485,761 bytes")
        .contains("at most 10 MB (10,485,760 bytes)");
  }

  @Test
  void aDownloadThatPassesTheLimitSaysMoreThanTheLimitNotAMeasuredSize() {
    byte[] png = SyntheticMedia.pngOfSize(400, 400, 11 * 1024 * 1024);
    String url =
        host.serve(
            "/endless.png",
            new MediaHost.Body() {
              @Override
              public long length() {
                return 0; // chunked: no Content-Length, as an endless stream has none
              }

              @Override
              public void writeTo(java.io.OutputStream out) throws IOException {
                out.write(png);
              }
            });

    MockApi.Reply reply = api.create(Bodies.v3i2v(url));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.error().path("error_message").asText())
        .contains("is more than 10 MB (10,485,760 bytes)")
        .doesNotContain("10.0 MB");
  }

  private static ObjectNode withFeatureVideo(String fixture) throws IOException {
    ObjectNode body = json("{'model': 'kirin_video_o1', 'prompt': 'A boat', 'aspect_ratio': '16:9', 'duration': '5'}");
    Bodies.video(host.serve("/" + fixture, fixture(fixture)), "feature").accept(body);
    return body;
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = MediaReadingsTest.class.getResourceAsStream("/media/rates/" + name)) {
      assertThat(in).as(name).isNotNull();
      return in.readAllBytes();
    }
  }
}
