package io.kirincontract.mock.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.kirincontract.mock.media.ImageFormat;
import io.kirincontract.mock.media.ImageInfo;
import io.kirincontract.mock.media.Inspection.Inspected;
import io.kirincontract.mock.media.MediaSource;
import io.kirincontract.mock.media.SyntheticMedia;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.DemuxerTrackMeta;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Picture;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;
import org.junit.jupiter.api.Test;

class SyntheticMediaTest {

  private final ImageHeaderReader images = new ImageHeaderReader();

  @Test
  void pngJpegAndGifDecodeToTheRequestedSize() throws IOException {
    for (byte[] image :
        new byte[][] {
          SyntheticMedia.png(640, 480), SyntheticMedia.jpeg(641, 333), SyntheticMedia.gif(320, 200)
        }) {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
      assertThat(decoded).isNotNull();
    }
    assertThat(size(SyntheticMedia.png(640, 480))).containsExactly(640, 480);
    assertThat(size(SyntheticMedia.jpeg(641, 333))).containsExactly(641, 333);
    assertThat(size(SyntheticMedia.gif(320, 200))).containsExactly(320, 200);
  }

  @Test
  void imagesStartWithTheirFormatsMagicBytes() {
    assertThat(Arrays.copyOf(SyntheticMedia.png(16, 16), 4)).containsExactly(0x89, 'P', 'N', 'G');
    assertThat(Arrays.copyOf(SyntheticMedia.jpeg(16, 16), 3)).containsExactly(0xFF, 0xD8, 0xFF);
    assertThat(new String(SyntheticMedia.gif(16, 16), 0, 6, StandardCharsets.US_ASCII))
        .isEqualTo("GIF89a");
  }

  @Test
  void pngOfSizeHasExactlyThatManyBytesAndStillDecodes() throws IOException {
    byte[] png = SyntheticMedia.pngOfSize(400, 300, 1_000_000);

    assertThat(png).hasSize(1_000_000);
    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(400);
    assertThat(images.read(png, MediaSource.BASE64))
        .isEqualTo(
            new Inspected<>(
                new ImageInfo(ImageFormat.PNG, 400, 300, 1_000_000), MediaSource.BASE64));
  }

  @Test
  void pngOfSizeRefusesASizeBelowThePlainImage() {
    assertThatThrownBy(() -> SyntheticMedia.pngOfSize(400, 300, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least");
  }

  @Test
  void sameShapeGivesTheSameBytes() {
    assertThat(SyntheticMedia.mp4(320, 240, 25, 2)).isEqualTo(SyntheticMedia.mp4(320, 240, 25, 2));
    assertThat(SyntheticMedia.mov(320, 240, 25, 2)).isEqualTo(SyntheticMedia.mov(320, 240, 25, 2));
    assertThat(SyntheticMedia.png(50, 60)).isEqualTo(SyntheticMedia.png(50, 60));
    assertThat(SyntheticMedia.jpeg(50, 60)).isEqualTo(SyntheticMedia.jpeg(50, 60));
  }

  @Test
  void mp4HasTheIsomBrandAndMovTheQuickTimeBrand() {
    assertThat(brand(SyntheticMedia.mp4(320, 240, 24, 1))).isEqualTo("isom");
    assertThat(brand(SyntheticMedia.mov(320, 240, 24, 1))).isEqualTo("qt  ");
  }

  @Test
  void mp4HasOneSamplePerFrameAndAKeyFrameEverySecond() throws IOException {
    byte[] mp4 = SyntheticMedia.mp4(320, 240, 30, 3);

    MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(readable(mp4));
    DemuxerTrack track = demuxer.getVideoTrack();
    DemuxerTrackMeta meta = track.getMeta();
    assertThat(meta.getTotalFrames()).isEqualTo(90);
    assertThat(meta.getTotalDuration()).isCloseTo(3.0, within(1e-9));
    assertThat(meta.getSeekFrames()).containsExactly(0, 30, 60);
    int frames = 0;
    for (Packet packet = track.nextFrame(); packet != null; packet = track.nextFrame()) {
      assertThat(packet.getTimescale()).isEqualTo(30);
      frames++;
    }
    assertThat(frames).isEqualTo(90);
  }

  @Test
  void everyFrameDecodesWithJCodecToTheColourBars() throws Exception {
    VideoShape shape = new VideoShape(320, 240, 10, 2);
    FrameGrab grab = FrameGrab.createFrameGrab(readable(SyntheticMedia.mp4(shape)));

    Picture first = grab.getNativeFrame().cropped();
    assertThat(first.getWidth()).isEqualTo(320);
    assertThat(first.getHeight()).isEqualTo(240);
    assertThat(luma(first, 8, 120)).isCloseTo(235, within(3)); // white bar
    assertThat(luma(first, 312, 120)).isCloseTo(16, within(3)); // black bar
    int decoded = 1;
    for (Picture frame = grab.getNativeFrame(); frame != null; frame = grab.getNativeFrame()) {
      assertThat(frame.cropped().getPlaneData(0)).isEqualTo(first.getPlaneData(0));
      decoded++;
    }
    assertThat(decoded).isEqualTo(shape.frameCount());
  }

  @Test
  void frameSizesThatAreNotMultiplesOf16AreCroppedExactly() throws Exception {
    Picture frame =
        FrameGrab.createFrameGrab(readable(SyntheticMedia.mp4(1080, 1920, 24, 1))).getNativeFrame();

    assertThat(frame.getCroppedWidth()).isEqualTo(1080);
    assertThat(frame.getCroppedHeight()).isEqualTo(1920);
  }

  @Test
  void movDecodesWithJCodecToo() throws Exception {
    Picture frame =
        FrameGrab.createFrameGrab(readable(SyntheticMedia.mov(640, 360, 25, 1))).getNativeFrame();

    assertThat(frame.getCroppedWidth()).isEqualTo(640);
    assertThat(frame.getCroppedHeight()).isEqualTo(360);
  }

  @Test
  void aLongFullHdVideoIsCheapAndSmall() {
    long start = System.nanoTime();
    byte[] mp4 = SyntheticMedia.mp4(1920, 1080, 24, 10);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(millis).as("generation time in ms").isLessThan(15_000);
    assertThat(mp4.length)
        .as("one key frame per second, skipped frames between")
        .isLessThan(2_000_000);
  }

  @Test
  void shapesAreValidated() {
    assertThatThrownBy(() -> new VideoShape(641, 480, 30, 1)).hasMessageContaining("even");
    assertThatThrownBy(() -> new VideoShape(640, 480, 0, 1)).hasMessageContaining("fps");
    assertThatThrownBy(() -> new VideoShape(640, 480, 30, 0)).hasMessageContaining("seconds");
    assertThat(new VideoShape(640, 480, 24, 2.5).frameCount()).isEqualTo(60);
    assertThat(new VideoShape(640, 480, 25, 0.01).frameCount()).isEqualTo(1);
  }

  private int[] size(byte[] image) throws IOException {
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
    return new int[] {decoded.getWidth(), decoded.getHeight()};
  }

  private static String brand(byte[] movie) {
    return new String(movie, 8, 4, StandardCharsets.ISO_8859_1);
  }

  private static ByteBufferSeekableByteChannel readable(byte[] bytes) {
    return ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(bytes));
  }

  /** JCodec keeps samples as value - 128. */
  private static int luma(Picture picture, int x, int y) {
    return picture.getPlaneData(0)[y * picture.getPlaneWidth(0) + x] + 128;
  }
}
