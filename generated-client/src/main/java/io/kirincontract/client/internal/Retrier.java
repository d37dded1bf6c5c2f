package io.kirincontract.client.internal;

import io.kirincontract.client.RetryPolicy;
import io.kirincontract.client.Sleeper;
import io.kirincontract.client.errors.KirinApiException;
import io.kirincontract.client.errors.KirinException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an attempt until it succeeds, fails in a way {@link RetryRules} does not retry, or the {@link
 * RetryPolicy} says stop; waits with the {@link Sleeper}. The failure thrown at the end carries the earlier
 * ones as suppressed exceptions.
 */
public final class Retrier {

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final Executor executor;
  private final DoubleSupplier random;

  public Retrier(RetryPolicy policy, Sleeper sleeper, Executor executor, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.executor = executor;
    this.random = random;
  }

  /** Runs {@code attempt} on the calling thread, retrying as allowed. */
  public <T> T run(boolean idempotent, Supplier<T> attempt) {
    List<KirinException> earlier = new ArrayList<>();
    for (int attempts = 1; ; attempts++) {
      try {
        return attempt.get();
      } catch (KirinException failure) {
        Optional<Duration> delay = delayAfter(failure, attempts, idempotent);
        if (delay.isEmpty()) {
          throw withEarlier(failure, earlier);
        }
        earlier.add(failure);
        try {
          sleeper.sleep(delay.get());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          failure.addSuppressed(interrupted);
          throw withEarlier(failure, earlier.subList(0, earlier.size() - 1));
        }
      }
    }
  }

  /**
   * Runs {@code attempt} on the executor, retrying as allowed, and waits between attempts with {@link
   * Sleeper#sleepAsync} (no thread blocked). The future fails with the same exception {@link #run} would
   * throw.
   */
  public <T> CompletableFuture<T> runAsync(boolean idempotent, Supplier<T> attempt) {
    return attemptAsync(idempotent, attempt, 1, new ArrayList<>());
  }

  private <T> CompletableFuture<T> attemptAsync(
      boolean idempotent, Supplier<T> attempt, int attempts, List<KirinException> earlier) {
    return CompletableFuture.supplyAsync(attempt, executor)
        .handle(
            (value, error) -> {
              if (error == null) {
                return CompletableFuture.completedFuture(value);
              }
              Throwable cause = unwrap(error);
              if (!(cause instanceof KirinException failure)) {
                return CompletableFuture.<T>failedFuture(cause);
              }
              Optional<Duration> delay = delayAfter(failure, attempts, idempotent);
              if (delay.isEmpty()) {
                return CompletableFuture.<T>failedFuture(withEarlier(failure, earlier));
              }
              earlier.add(failure);
              return sleeper
                  .sleepAsync(delay.get())
                  .thenCompose(slept -> attemptAsync(idempotent, attempt, attempts + 1, earlier));
            })
        .thenCompose(Function.identity());
  }

  private Optional<Duration> delayAfter(KirinException failure, int attempts, boolean idempotent) {
    if (!RetryRules.isRetryable(failure, idempotent)) {
      return Optional.empty();
    }
    Duration retryAfter =
        failure instanceof KirinApiException api ? api.retryAfter().orElse(null) : null;
    return policy.delayBeforeRetry(attempts, retryAfter, random.getAsDouble());
  }

  private static KirinException withEarlier(KirinException failure, List<KirinException> earlier) {
    earlier.forEach(failure::addSuppressed);
    return failure;
  }

  /** The exception inside the wrappers a {@link CompletableFuture} adds. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
