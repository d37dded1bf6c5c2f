package io.kirincontract.mock.media.internal;

import java.time.Duration;

/**
 * How media values are read: URL fetch timeouts and size caps. {@code fetchUrls=false} treats every URL as
 * unreachable without any network access (for fully offline runs).
 */
public record MediaFetchSettings(
    boolean fetchUrls,
    Duration connectTimeout,
    Duration readTimeout,
    long maxImageBytes,
    long maxVideoBytes) {

  public static final long MIB = 1024L * 1024L;

  public static MediaFetchSettings defaults() {
    return new MediaFetchSettings(
        true, Duration.ofSeconds(2), Duration.ofSeconds(5), 10 * MIB, 200 * MIB);
  }
}
