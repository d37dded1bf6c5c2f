package io.kirincontract.mock.media.internal;

/**
 * The shape of a synthetic video: pixel size, whole frames per second and duration in seconds. The
 * video holds {@link #frameCount()} frames, so its exact duration is {@link #exactSeconds()}
 * ({@code seconds} rounded to a whole frame). Width and height are even (H.264 4:2:0 crops in
 * 2-pixel steps).
 */
public record VideoShape(int width, int height, int fps, double seconds) {

  public static final int MAX_SIDE = 4096;
  public static final int MAX_FPS = 120;
  public static final double MAX_SECONDS = 600;

  public VideoShape {
    requireSide("width", width);
    requireSide("height", height);
    if (fps < 1 || fps > MAX_FPS) {
      throw new IllegalArgumentException("fps must be 1.." + MAX_FPS + ", was " + fps);
    }
    if (!(seconds > 0) || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "seconds must be above 0 and at most " + MAX_SECONDS + ", was " + seconds);
    }
  }

  /** Number of frames: {@code seconds * fps} rounded, at least 1. */
  public int frameCount() {
    return (int) Math.max(1, Math.round(seconds * fps));
  }

  /** The duration the video really has: {@code frameCount() / fps}. */
  public double exactSeconds() {
    return (double) frameCount() / fps;
  }

  private static void requireSide(String name, int value) {
    if (value < 16 || value > MAX_SIDE || value % 2 != 0) {
      throw new IllegalArgumentException(
          name + " must be even and 16.." + MAX_SIDE + ", was " + value);
    }
  }
}
