package io.kirincontract.mock.callbacks.internal;

import io.kirincontract.mock.callbacks.CallbackSettings;
import java.time.Duration;

/** Settings for tests: millisecond backoffs without jitter, short timeouts, two worker threads. */
final class FastSettings {

  private FastSettings() {}

  static CallbackSettings.Builder builder() {
    return CallbackSettings.builder()
        .connectTimeout(Duration.ofSeconds(1))
        .responseTimeout(Duration.ofSeconds(5))
        .maxAttempts(5)
        .initialBackoff(Duration.ofMillis(10))
        .backoffMultiplier(2.0)
        .maxBackoff(Duration.ofMillis(200))
        .jitterRatio(0.0)
        .workerThreads(2)
        .shutdownTimeout(Duration.ofSeconds(2));
  }

  static CallbackSettings settings() {
    return builder().build();
  }
}
