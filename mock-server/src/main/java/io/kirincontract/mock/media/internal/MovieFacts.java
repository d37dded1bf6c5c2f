package io.kirincontract.mock.media.internal;

/**
 * Width, height, duration and frame rate of a video as far as one reader found them; {@code 0}
 * means "not found". {@link #orElse} fills what is missing from another reader.
 */
record MovieFacts(int width, int height, double durationSeconds, double fps) {

  static final MovieFacts NONE = new MovieFacts(0, 0, 0, 0);

  boolean complete() {
    return width > 0 && height > 0 && durationSeconds > 0 && fps > 0;
  }

  MovieFacts orElse(MovieFacts other) {
    return new MovieFacts(
        width > 0 ? width : other.width,
        height > 0 ? height : other.height,
        durationSeconds > 0 ? durationSeconds : other.durationSeconds,
        fps > 0 ? fps : other.fps);
  }
}
