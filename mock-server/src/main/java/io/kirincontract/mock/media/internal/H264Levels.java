package io.kirincontract.mock.media.internal;

/**
 * Picks the lowest H.264 level (Table A-1) whose frame size and macroblock rate fit a shape, so
 * that decoders that check levels accept the stream (JCodec always writes level 4.0, too low above
 * 1080p).
 */
final class H264Levels {

  /** level_idc, MaxFS (macroblocks per frame), MaxMBPS (macroblocks per second). */
  private static final long[][] LEVELS = {
    {30, 1_620, 40_500}, {31, 3_600, 108_000}, {32, 5_120, 216_000}, {40, 8_192, 245_760},
    {42, 8_704, 522_240}, {50, 22_080, 589_824}, {51, 36_864, 983_040}, {52, 36_864, 2_073_600},
    {60, 139_264, 4_177_920}, {61, 139_264, 8_355_840}, {62, 139_264, 16_711_680}
  };

  private H264Levels() {}

  static int levelIdc(int width, int height, int fps) {
    long widthMbs = (width + 15) / 16;
    long heightMbs = (height + 15) / 16;
    long frameMbs = widthMbs * heightMbs;
    for (long[] level : LEVELS) {
      long maxSideMbs = (long) Math.sqrt(8.0 * level[1]);
      if (frameMbs <= level[1]
          && frameMbs * fps <= level[2]
          && widthMbs <= maxSideMbs
          && heightMbs <= maxSideMbs) {
        return (int) level[0];
      }
    }
    throw new IllegalArgumentException(
        width + "x" + height + " at " + fps + " fps is beyond every H.264 level");
  }
}
