package io.kirincontract.mock.media.internal;

import static io.kirincontract.mock.media.internal.Fixtures.base64;
import static org.assertj.core.api.Assertions.assertThat;

import io.kirincontract.mock.media.ImageFormat;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Malformed;
import io.kirincontract.mock.media.Inspection.TooLarge;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaInspector;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.SyntheticMedia;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Base64ImageInspectionTest {

  private final MediaInspector inspector = new DefaultMediaInspector(Fixtures.settings());

  @Test
  void readsFormatAndSizeOfABase64Png() {
    byte[] png = SyntheticMedia.png(1280, 720);

    assertThat(inspector.inspectImage(base64(png)))
        .isEqualTo(
            new Inspected<>(
                new ImageInfo(ImageFormat.PNG, 1280, 720, png.length), MediaSource.BASE64));
  }

  @Test
  void readsFormatAndSizeOfABase64Jpeg() {
    byte[] jpeg = SyntheticMedia.jpeg(300, 750);

    assertThat(inspector.inspectImage(base64(jpeg)))
        .isEqualTo(
            new Inspected<>(
                new ImageInfo(ImageFormat.JPEG, 300, 750, jpeg.length), MediaSource.BASE64));
  }

  @Test
  void toleratesLineBreaksSpacesAndMissingPadding() {
    byte[] png =
        SyntheticMedia.png(301, 301); // length chosen so that the base64 text ends with padding
    String text = base64(png);
    String unpadded = text.replace("=", "");
    String wrapped = unpadded.replaceAll("(.{76})", "$1\r\n") + "\n ";

    assertThat(text).endsWith("=");
    assertThat(inspector.inspectImage(wrapped)).isInstanceOf(Inspected.class);
    assertThat(((Inspected<ImageInfo>) inspector.inspectImage(wrapped)).info().byteSize())
        .isEqualTo(png.length);
  }

  @Test
  void aDataUrlPrefixIsMalformedWithAMessageToDropIt() {
    Inspection<ImageInfo> result =
        inspector.inspectImage("data:image/png;base64," + base64(SyntheticMedia.png(400, 400)));

    assertThat(result).isInstanceOf(Malformed.class);
    assertThat(((Malformed<ImageInfo>) result).reason())
        .contains("remove the 'data:image/png;base64,' prefix")
        .contains("plain base64");
  }

  @Test
  void textOutsideTheBase64AlphabetIsMalformed() {
    Inspection<ImageInfo> result = inspector.inspectImage("iVBORw0KGgo!AAAA");

    assertThat(result).isInstanceOf(Malformed.class);
    assertThat(((Malformed<ImageInfo>) result).reason()).contains("'!' at position 11");
  }

  @Test
  void theUrlSafeAlphabetIsMalformedAndNamed() {
    Inspection<ImageInfo> result = inspector.inspectImage("ab-_cd==");

    assertThat(((Malformed<ImageInfo>) result).reason()).contains("URL-safe");
  }

  @Test
  void base64CutInTheMiddleOfAUnitIsMalformed() {
    assertThat(((Malformed<ImageInfo>) inspector.inspectImage("iVBORw0KG")).reason())
        .contains("truncated");
  }

  @Test
  void emptyValuesAndOtherUrlSchemesAreMalformed() {
    assertThat(((Malformed<ImageInfo>) inspector.inspectImage("  ")).reason()).contains("empty");
    assertThat(((Malformed<ImageInfo>) inspector.inspectImage(null)).reason()).contains("empty");
    assertThat(((Malformed<ImageInfo>) inspector.inspectImage("ftp://example.com/a.png")).reason())
        .contains("only http:// and https://")
        .contains("ftp://");
  }

  @Test
  void aPngCutBeforeItsEndIsUnreadableAsTruncated() {
    byte[] png = SyntheticMedia.png(400, 400);

    for (int length : new int[] {png.length - 12, png.length / 2, 30, 9}) {
      Inspection<ImageInfo> result = inspector.inspectImage(base64(Arrays.copyOf(png, length)));
      assertThat(result).as("PNG cut to %d bytes", length).isInstanceOf(Unreadable.class);
      assertThat(((Unreadable<ImageInfo>) result).reason()).contains("PNG").contains("truncated");
    }
  }

  @Test
  void aJpegCutBeforeItsFrameHeaderIsUnreadable() {
    byte[] jpeg = SyntheticMedia.jpeg(400, 400);

    Inspection<ImageInfo> result = inspector.inspectImage(base64(Arrays.copyOf(jpeg, 20)));

    assertThat(result).isInstanceOf(Unreadable.class);
    assertThat(((Unreadable<ImageInfo>) result).reason())
        .startsWith("JPEG image is truncated or corrupt");
  }

  @Test
  void aGifIsUnreadableAndTheReasonNamesIt() {
    Inspection<ImageInfo> result = inspector.inspectImage(base64(SyntheticMedia.gif(400, 400)));

    assertThat(result)
        .isEqualTo(
            new Unreadable<>(
                "GIF image; only JPEG and PNG images are accepted", MediaSource.BASE64));
  }

  @Test
  void contentThatIsNoImageIsUnreadable() {
    Inspection<ImageInfo> text = inspector.inspectImage(base64("hello, world".getBytes()));
    Inspection<ImageInfo> video =
        inspector.inspectImage(base64(SyntheticMedia.mp4(320, 240, 24, 1)));

    assertThat(((Unreadable<ImageInfo>) text).reason())
        .isEqualTo("plain text; only JPEG and PNG images are accepted");
    assertThat(((Unreadable<ImageInfo>) video).reason()).startsWith("MP4 video;");
  }

  @Test
  void anImageOverTheLimitIsTooLargeBeforeDecoding() {
    MediaInspector small = new DefaultMediaInspector(Fixtures.settings(10_000, 10_000));
    byte[] png = SyntheticMedia.pngOfSize(400, 400, 10_001);

    assertThat(small.inspectImage(base64(png)))
        .isEqualTo(new TooLarge<>(10_000, 10_001, MediaSource.BASE64));
    assertThat(small.inspectImage(base64(SyntheticMedia.pngOfSize(400, 400, 10_000))))
        .isInstanceOf(Inspected.class);
  }

  @Test
  void moreThanTenMebibytesOfBase64IsTooLargeFromItsLengthAlone() {
    long limit = MediaFetchSettings.defaults().maxImageBytes();
    int units = (int) (limit / 3) + 1;
    // Not valid base64 at all: only the length is looked at, so this is "too large", not
    // "malformed".
    String text = "!".repeat(units * 4);

    assertThat(inspector.inspectImage(text))
        .isEqualTo(new TooLarge<>(limit, units * 3L, MediaSource.BASE64));
  }

  @Test
  void whitespaceDoesNotCountTowardsTheSize() {
    byte[] png = SyntheticMedia.pngOfSize(64, 64, 3_000);
    MediaInspector exact = new DefaultMediaInspector(Fixtures.settings(3_000, 3_000));
    String spaced = base64(png).replaceAll("(.{4})", "$1 \n");

    assertThat(exact.inspectImage(spaced)).isInstanceOf(Inspected.class);
  }
}
