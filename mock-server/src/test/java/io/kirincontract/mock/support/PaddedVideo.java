package io.kirincontract.mock.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/**
 * A real MP4 followed by a {@code free} box that pads the file to an exact size, written on the fly so that a
 * 200 MiB test file never sits in memory.
 */
public final class PaddedVideo implements MediaHost.Body {

  private static final int BOX_HEADER = 16;

  private final byte[] video;
  private final long total;

  private PaddedVideo(byte[] video, long total) {
    if (total < video.length + BOX_HEADER) {
      throw new IllegalArgumentException("too small to pad: " + total);
    }
    this.video = video;
    this.total = total;
  }

  public static PaddedVideo of(byte[] video, long totalBytes) {
    return new PaddedVideo(video, totalBytes);
  }

  @Override
  public long length() {
    return total;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(video);
    long boxSize = total - video.length;
    // 64-bit box: size 1, type "free", then the real size.
    out.write(ByteBuffer.allocate(BOX_HEADER).putInt(1).put("free".getBytes()).putLong(boxSize).array());
    byte[] zeros = new byte[1 << 16];
    long left = boxSize - BOX_HEADER;
    while (left > 0) {
      int chunk = (int) Math.min(zeros.length, left);
      out.write(zeros, 0, chunk);
      left -= chunk;
    }
  }
}
