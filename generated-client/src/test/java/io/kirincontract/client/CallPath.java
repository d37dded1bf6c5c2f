package io.kirincontract.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * "Run both paths": a test parameterized by this runs once through the blocking method and once through its
 * {@code CompletableFuture} variant. Through the async path, the exception the future failed with is rethrown
 * as it is, so both paths are asserted alike.
 */
enum CallPath {
  SYNC,
  ASYNC;

  <T> T call(Supplier<T> sync, Supplier<CompletableFuture<T>> async) {
    if (this == SYNC) {
      return sync.get();
    }
    try {
      return async.get().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
