package io.kirincontract.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits: between retries and between polls. Injected into {@link KirinClient} with the {@link
 * java.time.Clock} so that tests advance time instead of sleeping. Both methods must be safe to call from
 * several threads.
 */
public interface Sleeper {

  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * A future completed after {@code duration}, without blocking a thread meanwhile (the async methods use
   * it). By default a delayed no-op on {@link CompletableFuture#delayedExecutor}.
   */
  default CompletableFuture<Void> sleepAsync(Duration duration) {
    return CompletableFuture.runAsync(
        () -> {}, CompletableFuture.delayedExecutor(duration.toNanos(), TimeUnit.NANOSECONDS));
  }

  /** The real one: {@link TimeUnit#sleep} and {@link CompletableFuture#delayedExecutor}. */
  static Sleeper system() {
    return duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
  }
}
