package io.kirincontract.mock.media.internal;

import java.time.Duration;
import java.util.Base64;

/** Settings and encodings shared by the media tests. */
final class Fixtures {

  static final long KIB = 1024;

  private Fixtures() {}

  /** Short timeouts so that failure cases end quickly; generous caps unless a test lowers them. */
  static MediaFetchSettings settings(long maxImageBytes, long maxVideoBytes) {
    return new MediaFetchSettings(
        true, Duration.ofMillis(1000), Duration.ofMillis(500), maxImageBytes, maxVideoBytes);
  }

  static MediaFetchSettings settings() {
    return settings(
        MediaFetchSettings.defaults().maxImageBytes(),
        MediaFetchSettings.defaults().maxVideoBytes());
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
