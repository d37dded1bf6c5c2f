package io.kirincontract.mock.proxy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an upstream answer's body into memory up to a cap: an answer that declares more is refused before its first
 * byte, one that sends more is cut off as soon as it passes the cap (the connection is given up), so an endless or
 * huge answer costs the proxy at most the cap.
 */
final class CappedAnswer implements BodySubscriber<byte[]> {

  /** The body was over the cap; {@code bytes} is what was declared or received when it was cut off. */
  static final class TooLarge extends IOException {
    final long bytes;

    TooLarge(long bytes) {
      super("answer over the cap: " + bytes + " bytes");
      this.bytes = bytes;
    }
  }

  private final long cap;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private CappedAnswer(long cap) {
    this.cap = cap;
  }

  /** A handler that caps every answer at {@code cap} bytes. */
  static BodyHandler<byte[]> handler(long cap) {
    return info -> {
      CappedAnswer answer = new CappedAnswer(cap);
      long declared = info.headers().firstValueAsLong("content-length").orElse(-1L);
      if (declared > cap) {
        answer.body.completeExceptionally(new TooLarge(declared));
      }
      return answer;
    };
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription given) {
    subscription = given;
    if (body.isDone()) {
      given.cancel();
    } else {
      given.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer buffer : buffers) {
      if (received.size() + (long) buffer.remaining() > cap) {
        long total = received.size() + (long) buffer.remaining();
        subscription.cancel();
        body.completeExceptionally(new TooLarge(total));
        return;
      }
      byte[] chunk = new byte[buffer.remaining()];
      buffer.get(chunk);
      received.writeBytes(chunk);
    }
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    body.complete(received.toByteArray());
  }
}
