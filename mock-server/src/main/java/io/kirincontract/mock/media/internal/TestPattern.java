package io.kirincontract.mock.media.internal;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;

/**
 * Eight vertical colour bars (white, yellow, cyan, green, magenta, red, blue, black), the same for
 * images and video frames, so that synthetic media is recognisable when opened. Deterministic.
 */
public final class TestPattern {

  private static final int[] RGB = {
    0xEBEBEB, 0xEBEB10, 0x10EBEB, 0x10EB10, 0xEB10EB, 0xEB1010, 0x1010EB, 0x101010
  };

  /** The same bars in limited-range BT.601 Y, Cb, Cr. */
  private static final int[][] YUV = {
    {235, 128, 128}, {210, 16, 146}, {170, 166, 16}, {145, 54, 34},
    {106, 202, 222}, {81, 90, 240}, {41, 240, 110}, {16, 128, 128}
  };

  private TestPattern() {}

  public static BufferedImage rgb(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] row = new int[width];
    for (int x = 0; x < width; x++) {
      row[x] = RGB[bar(x, width, 1)];
    }
    for (int y = 0; y < height; y++) {
      System.arraycopy(row, 0, pixels, y * width, width);
    }
    return image;
  }

  /**
   * A YUV 4:2:0 frame for JCodec's H.264 encoder, bars aligned to 16-pixel macroblocks so that each
   * block is flat. JCodec keeps samples as signed bytes (value - 128).
   */
  static Picture yuv(int width, int height) {
    Picture picture = Picture.create(width, height, ColorSpace.YUV420J);
    for (int plane = 0; plane < 3; plane++) {
      int planeWidth = picture.getPlaneWidth(plane);
      int blockWidth = plane == 0 ? 16 : 8;
      byte[] row = new byte[planeWidth];
      for (int x = 0; x < planeWidth; x++) {
        row[x] = (byte) (YUV[bar(x, planeWidth, blockWidth)][plane] - 128);
      }
      byte[] data = picture.getPlaneData(plane);
      for (int offset = 0; offset + planeWidth <= data.length; offset += planeWidth) {
        System.arraycopy(row, 0, data, offset, planeWidth);
      }
    }
    return picture;
  }

  /**
   * Which of the 8 bars column {@code x} falls in, bar edges snapped to multiples of {@code block}.
   */
  private static int bar(int x, int width, int block) {
    int blocks = Math.max(1, (width + block - 1) / block);
    return Math.min(RGB.length - 1, (x / block) * RGB.length / blocks);
  }
}
