package io.kirincontract.mock.callbacks.internal;

import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The response body of one callback attempt: read and thrown away up to a cap, then the exchange ends (a longer
 * body is cut off, which closes the connection). {@link #expire} ends it at the attempt's deadline, whether or not
 * the body has started: a receiver that sends its headers and never finishes the body cannot hold the attempt.
 */
final class DiscardingBody implements BodyHandler<Long> {

  private final long cap;
  private final AtomicBoolean expired = new AtomicBoolean();
  private final AtomicReference<Subscriber> subscriber = new AtomicReference<>();

  DiscardingBody(long cap) {
    this.cap = cap;
  }

  @Override
  public BodySubscriber<Long> apply(ResponseInfo response) {
    Subscriber body = new Subscriber(cap);
    subscriber.set(body);
    if (expired.get()) {
      body.abort(); // the deadline passed while the headers were arriving
    }
    return body;
  }

  /** Ends the body at once, if it has started; later bodies end as soon as they start. */
  void expire() {
    expired.set(true);
    Subscriber body = subscriber.get();
    if (body != null) {
      body.abort();
    }
  }

  /** True once {@link #expire} was called. */
  boolean expired() {
    return expired.get();
  }

  /** Counts and drops the bytes; completes at the end of the body, at the cap, or when aborted. */
  private static final class Subscriber implements BodySubscriber<Long> {

    private final long cap;
    private final CompletableFuture<Long> result = new CompletableFuture<>();
    private final AtomicReference<Flow.Subscription> subscription = new AtomicReference<>();
    private final AtomicBoolean aborted = new AtomicBoolean();
    private long received;

    Subscriber(long cap) {
      this.cap = cap;
    }

    @Override
    public CompletionStage<Long> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription value) {
      if (!subscription.compareAndSet(null, value) || aborted.get()) {
        value.cancel();
        return;
      }
      value.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        received += item.remaining();
      }
      if (received >= cap) {
        Flow.Subscription current = subscription.get();
        if (current != null) {
          current.cancel(); // enough: the rest is not read, the connection is closed
        }
        result.complete(received);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(received);
    }

    void abort() {
      if (aborted.compareAndSet(false, true)) {
        Flow.Subscription current = subscription.get();
        if (current != null) {
          current.cancel();
        }
        result.completeExceptionally(new IOException(new HttpTimeoutException("attempt deadline passed")));
      }
    }
  }
}
