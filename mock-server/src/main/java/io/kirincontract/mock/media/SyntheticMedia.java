package io.kirincontract.mock.media;

import io.kirincontract.mock.media.internal.H264StillEncoder;
import io.kirincontract.mock.media.internal.StillGop;
import io.kirincontract.mock.media.internal.StillVideoMuxer;
import io.kirincontract.mock.media.internal.TestPattern;
import io.kirincontract.mock.media.internal.VideoShape;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Real, valid media generated in memory: images to feed the inspector and the rules, and playable
 * H.264 videos that the mock serves as task results. Every method is deterministic (same arguments,
 * same bytes) and thread-safe; nothing touches the file system. Videos show colour bars: one IDR
 * picture per second followed by skipped pictures, so that even 4K at 60 fps costs one picture's
 * encoding and stays small.
 */
public final class SyntheticMedia {

  /** Type of the padding chunk of {@link #pngOfSize}: ancillary, private, safe to copy. */
  private static final byte[] PADDING_CHUNK = "kiRn".getBytes(StandardCharsets.US_ASCII);

  private static final int PNG_SIGNATURE_AND_IHDR = 8 + 25;

  private SyntheticMedia() {}

  /** A PNG of colour bars. */
  public static byte[] png(int width, int height) {
    return write(TestPattern.rgb(width, height), "png");
  }

  /**
   * A PNG of colour bars grown to exactly {@code totalBytes} with a private ancillary chunk, which
   * decoders skip: cheap, valid test data for size limits.
   *
   * @throws IllegalArgumentException when the plain PNG plus a chunk header already takes more
   */
  public static byte[] pngOfSize(int width, int height, int totalBytes) {
    byte[] plain = png(width, height);
    int padding = totalBytes - plain.length - 12;
    if (padding < 0) {
      throw new IllegalArgumentException(
          "a " + width + "x" + height + " PNG needs at least " + (plain.length + 12) + " bytes");
    }
    ByteBuffer out = ByteBuffer.allocate(totalBytes);
    out.put(plain, 0, PNG_SIGNATURE_AND_IHDR);
    out.putInt(padding).put(PADDING_CHUNK);
    int dataStart = out.position();
    out.position(dataStart + padding); // zero bytes
    CRC32 crc = new CRC32();
    crc.update(PADDING_CHUNK);
    crc.update(out.array(), dataStart, padding);
    out.putInt((int) crc.getValue());
    out.put(plain, PNG_SIGNATURE_AND_IHDR, plain.length - PNG_SIGNATURE_AND_IHDR);
    return out.array();
  }

  /** A baseline JPEG of colour bars (default quality). */
  public static byte[] jpeg(int width, int height) {
    return write(TestPattern.rgb(width, height), "jpeg");
  }

  /** A GIF of colour bars: a real image in a format the Kirin models refuse. */
  public static byte[] gif(int width, int height) {
    return write(TestPattern.rgb(width, height), "gif");
  }

  /**
   * A playable H.264 MP4 (brand {@code isom}) of exactly this size, frame rate and (whole-frame)
   * duration.
   */
  public static byte[] mp4(int width, int height, int fps, double seconds) {
    return mp4(new VideoShape(width, height, fps, seconds));
  }

  public static byte[] mp4(VideoShape shape) {
    return video(shape, VideoContainer.MP4);
  }

  /** The same video in a QuickTime file (brand {@code qt }). */
  public static byte[] mov(int width, int height, int fps, double seconds) {
    return mov(new VideoShape(width, height, fps, seconds));
  }

  public static byte[] mov(VideoShape shape) {
    return video(shape, VideoContainer.MOV);
  }

  /** The video of {@code shape} in {@code container}, without sound. */
  public static byte[] video(VideoShape shape, VideoContainer container) {
    return video(shape, container, false);
  }

  /** The video of {@code shape} in {@code container}; with {@code sound}, a silent audio track too. */
  public static byte[] video(VideoShape shape, VideoContainer container, boolean sound) {
    int groupLength = Math.min(Math.max(2, shape.fps()), Math.max(2, shape.frameCount()));
    StillGop gop = H264StillEncoder.encode(shape.width(), shape.height(), shape.fps(), groupLength);
    return StillVideoMuxer.mux(shape, container, gop, sound);
  }

  private static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no ImageIO writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }
}
