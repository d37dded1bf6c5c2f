package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.Inspection.Unreadable;
import io.kirincontract.mock.media.Inspection;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.SyntheticMedia;
import io.kirincontract.mock.media.VideoContainer;
import io.kirincontract.mock.media.VideoInfo;
import org.junit.jupiter.api.Test;

/** The box-level readers on their own, on JCodec output and on hand-built layouts. */
class VideoHeaderReaderTest {

  private final VideoHeaderReader reader = new VideoHeaderReader();

  @Test
  void theBoxReaderAgreesWithMetadataExtractorOnGeneratedVideos() {
    for (VideoShape shape :
        new VideoShape[] {new VideoShape(720, 1280, 30, 3), new VideoShape(640, 360, 60, 2)}) {
      byte[] mp4 = SyntheticMedia.mp4(shape);

      MovieFacts boxes = MovieBoxes.read(new IsoBoxes(mp4));
      MovieFacts library = Mp4MetadataFacts.read(mp4);

      assertThat(boxes.width()).isEqualTo(shape.width()).isEqualTo(library.width());
      assertThat(boxes.height()).isEqualTo(shape.height()).isEqualTo(library.height());
      assertThat(boxes.durationSeconds()).isCloseTo(shape.seconds(), within(1e-9));
      assertThat(library.durationSeconds()).isCloseTo(shape.seconds(), within(1e-9));
      assertThat(boxes.fps()).isCloseTo(shape.fps(), within(1e-9));
      assertThat(library.fps()).isCloseTo(shape.fps(), within(1e-3));
    }
  }

  @Test
  void readsVersion1HeadersWithDistinctMovieAndMediaTimeScales() {
    byte[] movie =
        IsoFileBuilder.movie()
            .version1()
            .movieTime(600, 2400)
            .mediaTimescale(90_000)
            .size(1920, 1080)
            .build();

    Inspection<VideoInfo> result = reader.read(movie, MediaSource.URL);

    assertThat(result)
        .isEqualTo(
            new Inspected<>(
                new VideoInfo(VideoContainer.MP4, 1920, 1080, 4.0, 30.0, movie.length),
                MediaSource.URL));
    assertThat(MovieBoxes.read(new IsoBoxes(movie)))
        .isEqualTo(new MovieFacts(1920, 1080, 4.0, 30.0));
  }

  @Test
  void theFrameRateCountsEveryTimeToSampleEntry() {
    // 48 samples of 1/24 s, then 24 samples of 1/48 s: 72 samples in 2.5 s.
    byte[] movie =
        IsoFileBuilder.movie()
            .movieTime(1000, 2500)
            .mediaTimescale(48_000)
            .timeToSample(new long[] {48, 2000}, new long[] {24, 1000})
            .build();

    assertThat(MovieBoxes.read(new IsoBoxes(movie)).fps()).isCloseTo(28.8, within(1e-9));
    assertThat(((Inspected<VideoInfo>) reader.read(movie, MediaSource.URL)).info().fps())
        .isCloseTo(28.8, within(1e-3));
  }

  @Test
  void aQuickTimeDataHandlerInsideTheMediaStillGivesTheVideoTrack() {
    byte[] movie =
        IsoFileBuilder.movie()
            .majorBrand("qt  ")
            .withQuickTimeDataHandler()
            .size(1080, 1920)
            .build();

    Inspection<VideoInfo> result = reader.read(movie, MediaSource.URL);

    assertThat(result)
        .isEqualTo(
            new Inspected<>(
                new VideoInfo(VideoContainer.MOV, 1080, 1920, 4.0, 30.0, movie.length),
                MediaSource.URL));
  }

  @Test
  void withoutASampleDescriptionTheSizeComesFromTheTrackHeader() {
    byte[] movie = IsoFileBuilder.movie().withoutSampleDescription().size(854, 480).build();

    MovieFacts library = Mp4MetadataFacts.read(movie);
    Inspection<VideoInfo> result = reader.read(movie, MediaSource.URL);

    assertThat(library.width())
        .as("metadata-extractor reads the size from the sample description only")
        .isZero();
    assertThat(result)
        .isEqualTo(
            new Inspected<>(
                new VideoInfo(VideoContainer.MP4, 854, 480, 4.0, 30.0, movie.length),
                MediaSource.URL));
  }

  @Test
  void legacyQuickTimeFilesWithoutFtypAreMov() {
    byte[] mp4 = SyntheticMedia.mp4(320, 240, 24, 1);
    byte[] withoutFtyp =
        java.util.Arrays.copyOfRange(mp4, 32, mp4.length); // JCodec's ftyp is 32 bytes

    assertThat(new String(withoutFtyp, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1))
        .isIn("free", "mdat", "wide");
    assertThat(IsoBrand.containerOf(withoutFtyp)).isEqualTo(VideoContainer.MOV);
  }

  @Test
  void theContainerFollowsMajorThenCompatibleBrands() {
    assertThat(IsoBrand.containerOf(ftyp("mp42", "isom"))).isEqualTo(VideoContainer.MP4);
    assertThat(IsoBrand.containerOf(ftyp("M4V ", "M4V mp42"))).isEqualTo(VideoContainer.MP4);
    assertThat(IsoBrand.containerOf(ftyp("abcd", "qt  "))).isEqualTo(VideoContainer.MOV);
    assertThatThrownBy(() -> IsoBrand.containerOf(ftyp("abcd", "efgh")))
        .hasMessageContaining("unsupported kind")
        .hasMessageContaining("abcd");
  }

  @Test
  void aBoxLargerThanItsParentIsReportedNotReadPastTheEnd() {
    byte[] movie = IsoFileBuilder.movie().build();
    int moov = indexOf(movie, "moov") - 4;
    movie[moov + 8 + 1] = 0x7f; // first child (mvhd) now claims more bytes than moov holds

    Inspection<VideoInfo> result = reader.read(movie, MediaSource.URL);

    assertThat(result).isInstanceOf(Unreadable.class);
    assertThat(((Unreadable<VideoInfo>) result).reason())
        .startsWith("truncated or corrupt video: box 'mvhd'");
  }

  @Test
  void aMovieWithoutMoovIsUnreadable() {
    byte[] movie =
        IsoFileBuilder.concat(ftyp("isom", "isom"), IsoFileBuilder.box("mdat", new byte[16]));

    assertThat(((Unreadable<VideoInfo>) reader.read(movie, MediaSource.URL)).reason())
        .contains("no movie header");
  }

  private static byte[] ftyp(String major, String compatible) {
    return IsoFileBuilder.box(
        "ftyp", IsoFileBuilder.ascii(major), new byte[4], IsoFileBuilder.ascii(compatible));
  }

  private static int indexOf(byte[] data, String fourCc) {
    byte[] needle = IsoFileBuilder.ascii(fourCc);
    outer:
    for (int i = 0; i + 4 <= data.length; i++) {
      for (int j = 0; j < 4; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError(fourCc + " not found");
  }
}
