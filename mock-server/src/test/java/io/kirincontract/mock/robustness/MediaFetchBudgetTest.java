package io.kirincontract.mock.robustness;

import static io.kirincontract.mock.support.Bodies.imageEntry;
import static io.kirincontract.mock.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.kirincontract.mock.KirinMockServer;
import io.kirincontract.mock.MediaPolicy;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.support.Bodies;
import io.kirincontract.mock.support.MockApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Media fetching cannot be amplified by one request: counts and schema limits are checked before any URL is
 * fetched, a request refused by another rule fetches nothing, each distinct URL is fetched once, and all fetches of
 * a request end within one wall-clock budget. A loopback host counts the connections and requests the mock makes.
 * The durations printed are figures for docs/robustness.md.
 */
class MediaFetchBudgetTest {

  private static final Logger LOG = LoggerFactory.getLogger(MediaFetchBudgetTest.class);

  /** Room for a loaded machine on top of a budget. */
  private static final Duration SLACK = Duration.ofSeconds(4);

  @Test
  void anImageListOverMaxItemsIsRefusedWithoutFetchingAnyOfItsUrls() throws Exception {
    try (CountingMediaHost host = CountingMediaHost.serving(SyntheticMedia.png(1280, 720));
        KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      JsonNode body =
          with(
              Bodies.o1(),
              b -> {
                ArrayNode list = b.putArray("image_list");
                for (int i = 0; i < 300; i++) {
                  list.add(imageEntry(host.url("/image-" + i + ".png"), null));
                }
              });
      long start = System.nanoTime();
      api.create(body).assertError(400, "invalid_parameter", "image_list", "o1.image_list.max-items");
      long millis = millisSince(start);
      LOG.info("media: 300 image URLs over maxItems refused in {} ms, {} connections", millis, host.connections());
      assertThat(host.connections()).as("connections to the media host").isZero();
      assertThat(millis).isLessThan(SLACK.toMillis());
    }
  }

  @Test
  void aRequestRefusedByARuleThatReadsNoMediaFetchesNoUrl() throws Exception {
    try (CountingMediaHost host = CountingMediaHost.serving(SyntheticMedia.png(1280, 720));
        KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      api.create(with(Bodies.o1(), Bodies.imageList(imageEntry(host.url("/end.png"), "end_frame"))))
          .assertError(400, "invalid_parameter", "image_list[0].type", "o1.frames.end-requires-first");
      assertThat(host.connections()).isZero();
    }
  }

  @Test
  void inlineMediaIsStillCheckedInTheSamePassWhenTheRequestIsRefused() {
    try (KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      MockApi.Reply reply =
          api.create(
              with(
                  Bodies.o1(),
                  b -> {
                    b.put("prompt", Bodies.text(2501));
                    Bodies.imageList(imageEntry("data:image/png;base64,iVBORw0KGgo=", null)).accept(b);
                  }));
      reply.assertError(400, "002015002", "prompt", "o1.prompt.max-length");
      assertThat(reply.error().path("details").findValuesAsText("rule")).contains("o1.image.encoding");
    }
  }

  @Test
  void sevenEntriesWithTheSameUrlMakeOneFetch() throws Exception {
    try (CountingMediaHost host = CountingMediaHost.serving(SyntheticMedia.png(1280, 720));
        KirinMockServer server = KirinMockServer.start(config -> config.port(0))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      String url = host.url("/same.png");
      JsonNode[] entries = new JsonNode[7];
      for (int i = 0; i < entries.length; i++) {
        entries[i] = imageEntry(url, null);
      }
      long start = System.nanoTime();
      JsonNode task = api.create(with(Bodies.o1(), Bodies.imageList(entries))).assertQueued();
      long millis = millisSince(start);
      LOG.info(
          "media: 7 entries of one URL accepted in {} ms, {} connections, {} requests",
          millis,
          host.connections(),
          host.requests());
      assertThat(host.requests()).as("requests to the media host").isEqualTo(1);
      assertThat(host.connections()).isEqualTo(1);
      assertThat(task.path("metadata").path("warnings")).as("no warning: the image was read").isEmpty();
    }
  }

  @Test
  void urlsThatNeverAnswerEndWithinTheRequestsBudgetAndCountAsUnreachable() throws Exception {
    Duration budget = Duration.ofSeconds(1);
    try (CountingMediaHost host = CountingMediaHost.silent();
        KirinMockServer server =
            KirinMockServer.start(
                config ->
                    config
                        .port(0)
                        .mediaPolicy(MediaPolicy.STRICT)
                        .mediaTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(60))
                        .mediaBudget(budget))) {
      MockApi api = new MockApi(server.baseUrl(), "k");
      long start = System.nanoTime();
      MockApi.Reply reply =
          api.create(
              with(
                  Bodies.o1(),
                  Bodies.imageList(
                      imageEntry(host.url("/a.png"), null),
                      imageEntry(host.url("/b.png"), null),
                      imageEntry(host.url("/c.png"), null))));
      long millis = millisSince(start);
      LOG.info(
          "media: 3 silent URLs (read timeout 60 s, budget 1 s) answered in {} ms, {} connections",
          millis,
          host.connections());
      reply.assertError(400, "media_unreachable", "image_list[0].image_url", "o1.image.url-reachable");
      assertThat(reply.error().path("error_message").asText()).contains("media budget of 1 s");
      assertThat(millis).isBetween(budget.toMillis(), budget.plus(SLACK).toMillis());
    }
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
