package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.media.ImageFormat;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Malformed;
import io.kirincontract.mock.media.Inspection.TooLarge;
import io.kirincontract.mock.media.Inspection.Unreachable;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.SyntheticMedia;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UrlImageInspectionTest {

  private LocalMediaServer server;
  private final MediaInspector inspector =
      new DefaultMediaInspector(Fixtures.settings(64 * Fixtures.KIB, 0));

  @BeforeEach
  void startServer() throws IOException {
    server = LocalMediaServer.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Test
  void readsFormatAndSizeOfPngAndJpegUrls() {
    byte[] png = SyntheticMedia.png(1024, 768);
    byte[] jpeg = SyntheticMedia.jpeg(500, 1250);

    assertThat(inspector.inspectImage(server.serve("/a.png", png)))
        .isEqualTo(
            new Inspected<>(
                new ImageInfo(ImageFormat.PNG, 1024, 768, png.length), MediaSource.URL));
    assertThat(inspector.inspectImage(server.serve("/b.jpg", jpeg)))
        .isEqualTo(
            new Inspected<>(
                new ImageInfo(ImageFormat.JPEG, 500, 1250, jpeg.length), MediaSource.URL));
  }

  @Test
  void theFormatComesFromTheContentNotTheName() {
    byte[] png = SyntheticMedia.png(400, 400);

    Inspection<ImageInfo> result = inspector.inspectImage(server.serve("/really-a-png.jpg", png));

    assertThat(((Inspected<ImageInfo>) result).info().format()).isEqualTo(ImageFormat.PNG);
  }

  @Test
  void readsABodySentWithoutContentLength() {
    byte[] png = SyntheticMedia.png(640, 640);

    Inspection<ImageInfo> result = inspector.inspectImage(server.serveChunked("/chunked.png", png));

    assertThat(result)
        .isEqualTo(
            new Inspected<>(new ImageInfo(ImageFormat.PNG, 640, 640, png.length), MediaSource.URL));
  }

  @Test
  void followsRedirects() {
    String target = server.serve("/target.png", SyntheticMedia.png(320, 320));

    assertThat(inspector.inspectImage(server.redirect("/moved.png", target)))
        .isInstanceOf(Inspected.class);
  }

  @Test
  void aGifOrAnHtmlPageAtTheUrlIsUnreadable() {
    String gif = server.serve("/a.gif", SyntheticMedia.gif(400, 400));
    String html = server.serve("/page.png", "<!DOCTYPE html><html>not found</html>".getBytes());

    assertThat(inspector.inspectImage(gif))
        .isEqualTo(
            new Unreadable<>("GIF image; only JPEG and PNG images are accepted", MediaSource.URL));
    assertThat(((Unreadable<ImageInfo>) inspector.inspectImage(html)).reason())
        .startsWith("HTML or XML document");
  }

  @Test
  void aNotFoundStatusIsUnreachableWithTheStatusInTheReason() {
    String url = server.status("/missing.png", 404);

    assertThat(inspector.inspectImage(url))
        .isEqualTo(new Unreachable<>(url, "the server answered HTTP 404 (Not Found)"));
  }

  @Test
  void aClosedPortIsUnreachable() throws IOException {
    String url = LocalMediaServer.closedPortUrl("/a.png");

    Inspection<ImageInfo> result = inspector.inspectImage(url);

    assertThat(result).isInstanceOf(Unreachable.class);
    assertThat(((Unreachable<ImageInfo>) result).reason())
        .startsWith("could not connect to 127.0.0.1:");
  }

  @Test
  void aHostOutsideTheEgressPolicyIsUnreachableWithoutALookupOrARequest() {
    Inspection<ImageInfo> result = inspector.inspectImage("http://no-such-host.invalid/a.png");

    assertThat(result)
        .isEqualTo(
            new Unreachable<>(
                "http://no-such-host.invalid/a.png",
                "the egress policy (loopback) does not allow the host 'no-such-host.invalid'"));
  }

  @Test
  void aRedirectToAHostOutsideTheEgressPolicyIsNotFollowed() {
    String url = server.redirect("/moved.png", "http://media.example.com/a.png");

    Inspection<ImageInfo> result = inspector.inspectImage(url);

    assertThat(((Unreachable<ImageInfo>) result).reason())
        .isEqualTo(
            "the egress policy (loopback) does not allow the host 'media.example.com'"
                + " (redirected to http://media.example.com/a.png)");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aListedHostIsFetchedAndAnUnlistedOneIsNot() {
    MediaInspector listed =
        new DefaultMediaInspector(
            Fixtures.settings(), EgressPolicy.parse("media.example.com,*.cdn.example"));
    String url = server.serve("/a.png", SyntheticMedia.png(400, 400));

    assertThat(listed.inspectImage(url)).as("loopback is always allowed").isInstanceOf(Inspected.class);
    assertThat(((Unreachable<ImageInfo>) listed.inspectImage("http://other.example/a.png")).reason())
        .isEqualTo(
            "the egress policy (loopback,media.example.com,*.cdn.example) does not allow the host 'other.example'");
  }

  @Test
  void aServerThatSendsHeadersThenStallsEndsByTheDeadline() {
    String url =
        server.stallAfterHeaders("/slow.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 10_000);

    long start = System.nanoTime();
    Inspection<ImageInfo> result = inspector.inspectImage(url);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result)
        .isEqualTo(
            new Unreachable<>(
                url, "the download did not finish within 1500 ms (stalled after 4 bytes)"));
    assertThat(elapsed).isBetween(Duration.ofMillis(1400), Duration.ofSeconds(5));
  }

  @Test
  void aServerThatNeverAnswersEndsByTheReadTimeout() {
    String url = server.neverAnswer("/silent.png");

    long start = System.nanoTime();
    Inspection<ImageInfo> result = inspector.inspectImage(url);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    assertThat(result)
        .isEqualTo(
            new Unreachable<>(url, "no response from 127.0.0.1:" + port(url) + " within 500 ms"));
    assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aDeclaredLengthOverTheCapIsTooLargeBeforeTheBodyIsRead() {
    String url = server.stallAfterHeaders("/huge.png", new byte[0], 50_000_000);

    long start = System.nanoTime();
    Inspection<ImageInfo> result = inspector.inspectImage(url);

    assertThat(result).isEqualTo(new TooLarge<>(64 * Fixtures.KIB, 50_000_000, MediaSource.URL));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
  }

  @Test
  void aBodyWithoutLengthStopsOneByteOverTheCap() {
    byte[] png = SyntheticMedia.pngOfSize(400, 400, 1_000_000);

    Inspection<ImageInfo> result = inspector.inspectImage(server.serveChunked("/big.png", png));

    assertThat(result).isInstanceOf(TooLarge.class);
    TooLarge<ImageInfo> tooLarge = (TooLarge<ImageInfo>) result;
    assertThat(tooLarge.limitBytes()).isEqualTo(64 * Fixtures.KIB);
    assertThat(tooLarge.seenBytes()).as("a download cut at the cap does not know the whole size").isEqualTo(-1);
  }

  @Test
  void anImageOfExactlyTheCapIsAccepted() {
    byte[] png = SyntheticMedia.pngOfSize(400, 400, (int) (64 * Fixtures.KIB));

    assertThat(inspector.inspectImage(server.serveChunked("/exact.png", png)))
        .isInstanceOf(Inspected.class);
  }

  @Test
  void withFetchingTurnedOffUrlsAreUnreachableWithoutAnyRequest() {
    MediaFetchSettings offline =
        new MediaFetchSettings(
            false, Duration.ofSeconds(1), Duration.ofSeconds(1), 1_000_000, 1_000_000);
    String url = server.serve("/a.png", SyntheticMedia.png(400, 400));

    Inspection<ImageInfo> result = new DefaultMediaInspector(offline).inspectImage(url);

    assertThat(result)
        .isEqualTo(new Unreachable<>(url, "fetching URLs is turned off (fetchUrls=false)"));
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void aUrlThatCannotBeParsedIsMalformed() {
    assertThat(inspector.inspectImage("http://exa mple.com/a.png")).isInstanceOf(Malformed.class);
    assertThat(((Malformed<ImageInfo>) inspector.inspectImage("https:///a.png")).reason())
        .contains("no host");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    String url =
        server.serve("/upper.png", SyntheticMedia.png(320, 320)).replace("http://", "HTTP://");

    assertThat(inspector.inspectImage(url)).isInstanceOf(Inspected.class);
  }

  private static int port(String url) {
    return java.net.URI.create(url).getPort();
  }
}
