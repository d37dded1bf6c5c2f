package io.kirincontract.mock.util.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own, waited for later: how a start runs its slow, independent parts side
 * by side. {@link #get()} returns the result or throws what the work threw, as it was.
 */
public final class Background<T> {

  private final CompletableFuture<T> result = new CompletableFuture<>();

  private Background() {}

  /** Starts {@code work} on a new daemon thread named {@code threadName}. */
  public static <T> Background<T> start(String threadName, Supplier<? extends T> work) {
    Background<T> background = new Background<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                background.result.complete(work.get());
              } catch (RuntimeException | Error e) {
                background.result.completeExceptionally(e);
              }
            },
            threadName);
    thread.setDaemon(true);
    thread.start();
    return background;
  }

  /** The result, once the work is done; what the work threw is thrown here as it was. */
  public T get() {
    try {
      return result.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** Runs {@code action} with the result once the work succeeds (at once if it has). */
  public void whenDone(Consumer<? super T> action) {
    result.thenAccept(action);
  }
}
