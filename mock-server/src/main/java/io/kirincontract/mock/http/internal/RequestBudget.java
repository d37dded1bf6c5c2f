package io.kirincontract.mock.http.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of request bodies the server holds at once, over every request in flight, against a limit. {@link
 * BodyFirst} reserves a body's {@code Content-Length} before reading it (a body without a length: its bytes as they
 * arrive) and gives the bytes back when the exchange ends; a body that does not fit is answered {@code 503
 * service_unavailable} at once. Without it, 28 concurrent bodies of 125 MB (each under the default limit) ran the
 * heap out and were answered with empty {@code 500}s.
 */
final class RequestBudget {

  private final long limit;
  private final AtomicLong inFlight = new AtomicLong();

  RequestBudget(long limit) {
    this.limit = limit;
  }

  /** Reserves {@code bytes}, or returns false and reserves nothing when they would pass the limit. */
  boolean tryReserve(long bytes) {
    while (true) {
      long now = inFlight.get();
      if (now + bytes > limit) {
        return false;
      }
      if (inFlight.compareAndSet(now, now + bytes)) {
        return true;
      }
    }
  }

  void release(long bytes) {
    if (bytes > 0) {
      inFlight.addAndGet(-bytes);
    }
  }

  /** The bytes reserved now. */
  long inFlight() {
    return inFlight.get();
  }

  long limit() {
    return limit;
  }

  /** What a refused request is told. */
  String refusal(long bytes) {
    return "the mock holds "
        + inFlight()
        + " bytes of request bodies in flight and a body of "
        + bytes
        + " more bytes would pass its budget of "
        + limit
        + " bytes (--max-bytes-in-flight); retry after the Retry-After delay";
  }

  /** A body read that stopped because the budget was full. */
  static final class ExhaustedException extends java.io.IOException {
    ExhaustedException(String message) {
      super(message, null);
    }
  }
}
