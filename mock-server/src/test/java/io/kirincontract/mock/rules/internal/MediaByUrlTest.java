package io.kirincontract.mock.rules.internal;

import static io.kirincontract.mock.support.Bodies.imageEntry;
import static io.kirincontract.mock.support.Bodies.imageList;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MediaHost;
import io.kirincontract.mock.support.MockApi;
import io.kirincontract.mock.support.PaddedVideo;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Media given by URL: the same rules as for base64, from the real bytes a local server sends; what an unreachable
 * URL leads to under each media policy and with fetching turned off.
 */
class MediaByUrlTest {

  private static MediaHost host;
  private static KirinMockServer server;
  private static MockApi api;

  @BeforeAll
  static void start() throws IOException {
    host = new MediaHost();
    server = KirinMockServer.start(config -> config.port(0));
    api = new MockApi(server.baseUrl(), "url-key");
  }

  @AfterAll
  static void stop() {
    server.stop();
    host.close();
  }

  @Test
  void aGifUrlBreaksTheFormatRule() {
    String url = host.serve("/photo.png", SyntheticMedia.gif(400, 400));
    api.create(Bodies.v21i2v(url)).assertError(400, "8002009002", "image", "v21i2v.image.format");
  }

  @Test
  void aSmallImageByUrlBreaksTheMinDimensionsRule() {
    String url = host.serve("/small.jpg", SyntheticMedia.jpeg(200, 400));
    api.create(Bodies.v3i2v(url)).assertError(400, "invalid_media", "image", "v3i2v.image.min-dimensions");
  }

  @Test
  void anImageUrlOverTenMiBBreaksTheMaxSizeRule() {
    String url = host.serve("/huge.png", PaddedVideo.of(SyntheticMedia.png(300, 300), 10L * 1024 * 1024 + 1));
    api.create(with(Bodies.o1(), imageList(imageEntry(url, null))))
        .assertError(400, "invalid_media", "image_list[0].image_url", "o1.image.max-size");
  }

  @Test
  void theCompatibleImageFieldIsCheckedAndNamedWhenImageUrlIsAbsent() {
    String url = host.serve("/tall.png", SyntheticMedia.png(300, 900));
    api.create(with(Bodies.o1(), b -> b.putArray("image_list").addObject().put("image", url)))
        .assertError(400, "invalid_media", "image_list[0].image", "o1.image.aspect-ratio");
  }

  @Test
  void everyProblemImageIsReportedInOnePass() {
    String gif = host.serve("/a.gif", SyntheticMedia.gif(300, 300));
    String small = host.serve("/b.png", SyntheticMedia.png(100, 100));
    MockApi.Reply reply =
        api.create(with(Bodies.o1(), imageList(imageEntry(gif, null), imageEntry(small, null))));
    assertThat(reply.error().path("details").findValuesAsText("param"))
        .containsExactly("image_list[0].image_url", "image_list[1].image_url");
  }

  @Test
  void aRefusedConnectionIsAWarningByDefaultAndARejectionWhenStrict() throws IOException {
    String url = "http://127.0.0.1:" + freePort() + "/gone.png";
    JsonNode task = api.create(Bodies.v3i2v(url)).assertQueued();
    JsonNode warning = task.path("metadata").path("warnings").get(0);
    assertThat(warning.path("rule").asText()).isEqualTo("v3i2v.image.url-reachable");
    assertThat(warning.path("param").asText()).isEqualTo("image");
    assertThat(warning.path("message").asText()).contains("could not be fetched");

    try (KirinMockServer strict = KirinMockServer.start(config -> config.port(0).mediaPolicy(MediaPolicy.STRICT))) {
      new MockApi(strict.baseUrl(), "k")
          .create(Bodies.v3i2v(url))
          .assertError(400, "media_unreachable", "image", "v3i2v.image.url-reachable");
    }
  }

  @Test
  void withFetchingOffEveryUrlIsUnreachableWithoutNetworkUse() {
    String url = host.serve("/never-fetched.png", SyntheticMedia.gif(10, 10));
    try (KirinMockServer offline = KirinMockServer.start(config -> config.port(0).mediaFetch(false))) {
      JsonNode task = new MockApi(offline.baseUrl(), "k").create(Bodies.v21i2v(url)).assertQueued();
      assertThat(task.path("metadata").path("warnings").get(0).path("rule").asText())
          .isEqualTo("v21i2v.image.url-reachable");
    }
  }

  @Test
  void slowUrlsAreFetchedInParallelSoTheWaitIsTheSlowestNotTheSum() throws IOException {
    try (ServerSocket silent = new ServerSocket(0);
        KirinMockServer impatient =
            KirinMockServer.start(
                config -> config.port(0).mediaTimeouts(Duration.ofMillis(500), Duration.ofMillis(500)))) {
      String url = "http://127.0.0.1:" + silent.getLocalPort() + "/stalls.png";
      var body = with(Bodies.o1(), imageList(
          imageEntry(url + "?1", null), imageEntry(url + "?2", null), imageEntry(url + "?3", null),
          imageEntry(url + "?4", null), imageEntry(url + "?5", null), imageEntry(url + "?6", null)));
      long start = System.nanoTime();
      JsonNode task = new MockApi(impatient.baseUrl(), "k").create(body).assertQueued();
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertThat(task.path("metadata").path("warnings").size()).isEqualTo(6);
      assertThat(millis).as("6 stalled URLs of 1 s each, fetched together").isLessThan(4000);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
