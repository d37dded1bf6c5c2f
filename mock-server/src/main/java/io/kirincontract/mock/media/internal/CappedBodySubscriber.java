package io.kirincontract.mock.media.internal;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body in memory up to a byte cap. One byte over the cap ends the download at
 * once (the subscription is cancelled, which closes the connection) with {@link
 * FetchOutcome.OverCap}. {@link #abort} ends a download that takes too long. The HTTP client calls
 * the subscriber methods one at a time; {@code abort} may come from any thread.
 */
public final class CappedBodySubscriber implements BodySubscriber<FetchOutcome> {

  private static final int INITIAL_CAPACITY = 64 * 1024;

  /**
   * A declared length is only a promise: the buffer starts at most this large and grows with what
   * arrives.
   */
  private static final int LARGEST_INITIAL_CAPACITY = 8 * 1024 * 1024;

  private final long cap;
  private final CompletableFuture<FetchOutcome> outcome = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;
  private volatile long received;
  private byte[] buffer;

  /**
   * @param cap the largest accepted body, in bytes
   * @param declaredLength the {@code Content-Length}, or -1 when unknown (sizes the buffer)
   */
  CappedBodySubscriber(long cap, long declaredLength) {
    this.cap = cap;
    long initial =
        declaredLength >= 0 ? Math.min(declaredLength, LARGEST_INITIAL_CAPACITY) : INITIAL_CAPACITY;
    this.buffer = new byte[(int) Math.max(0, Math.min(initial, cap))];
  }

  /**
   * A handler that takes any status and caps the body: a {@code Content-Length} over {@code cap} is {@link
   * FetchOutcome.OverCap} with that length before a byte is read, a body that passes it is cut off ({@code
   * OverCap(-1)}). For answers read whatever their status (the drift proxy's); media fetches use {@link
   * CappedBodyHandler}, which also refuses statuses.
   */
  public static BodyHandler<FetchOutcome> anyStatus(long cap) {
    return response -> {
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
      return declared > cap ? ended(new FetchOutcome.OverCap(declared)) : new CappedBodySubscriber(cap, declared);
    };
  }

  /** A subscriber that has already ended with {@code outcome}: it cancels at once, reading nothing. */
  static CappedBodySubscriber ended(FetchOutcome outcome) {
    // BodySubscribers.replacing() would drain the body; cancelling at once closes the connection instead.
    CappedBodySubscriber ended = new CappedBodySubscriber(0, 0);
    ended.abort(outcome);
    return ended;
  }

  /** Bytes received so far. */
  long received() {
    return received;
  }

  /** Ends the download with {@code failure} unless it has already ended. */
  void abort(FetchOutcome failure) {
    if (outcome.complete(failure)) {
      cancelSubscription();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (outcome.isDone()) {
      subscription.cancel();
    } else {
      subscription.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (outcome.isDone()) {
      return;
    }
    for (ByteBuffer item : items) {
      long total = received + item.remaining();
      if (total > cap) {
        received = total;
        abort(new FetchOutcome.OverCap(-1)); // cut at the cap: how large the whole is stays unknown
        return;
      }
      ensureCapacity((int) total);
      item.get(buffer, (int) received, item.remaining());
      received = total;
    }
  }

  @Override
  public void onError(Throwable error) {
    outcome.completeExceptionally(error);
  }

  @Override
  public void onComplete() {
    int length = (int) received;
    outcome.complete(
        new FetchOutcome.Body(length == buffer.length ? buffer : Arrays.copyOf(buffer, length)));
  }

  @Override
  public CompletionStage<FetchOutcome> getBody() {
    return outcome;
  }

  private void ensureCapacity(int needed) {
    if (needed > buffer.length) {
      long doubled = Math.max((long) buffer.length * 2, needed);
      buffer = Arrays.copyOf(buffer, (int) Math.min(doubled, Math.max(cap, needed)));
    }
  }

  private void cancelSubscription() {
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }
}
