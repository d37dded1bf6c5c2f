package io.kirincontract.mock.media.internal;

import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.ResponseInfo;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides from the status line and headers whether a body is worth reading: a non-2xx status or a
 * {@code Content-Length} over the cap ends the exchange before any body byte is read. Otherwise the
 * body goes to a {@link CappedBodySubscriber}, kept here so that a caller whose deadline passes can
 * abort it.
 */
final class CappedBodyHandler implements BodyHandler<FetchOutcome> {

  private final long cap;
  private final AtomicReference<CappedBodySubscriber> subscriber = new AtomicReference<>();

  CappedBodyHandler(long cap) {
    this.cap = cap;
  }

  @Override
  public BodySubscriber<FetchOutcome> apply(ResponseInfo response) {
    int status = response.statusCode();
    if (status < 200 || status > 299) {
      return CappedBodySubscriber.ended(
          new FetchOutcome.Failed("the server answered HTTP " + status + reasonPhrase(status)));
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
    if (declared > cap) {
      return CappedBodySubscriber.ended(new FetchOutcome.OverCap(declared));
    }
    CappedBodySubscriber body = new CappedBodySubscriber(cap, declared);
    subscriber.set(body);
    return body;
  }

  /** Bytes of body received so far (0 before the body starts). */
  long received() {
    CappedBodySubscriber body = subscriber.get();
    return body == null ? 0 : body.received();
  }

  /** Ends a body download in progress, if any, with {@code failure}. */
  void abort(FetchOutcome failure) {
    CappedBodySubscriber body = subscriber.get();
    if (body != null) {
      body.abort(failure);
    }
  }

  private static String reasonPhrase(int status) {
    return switch (status) {
      case 400 -> " (Bad Request)";
      case 401 -> " (Unauthorized)";
      case 403 -> " (Forbidden)";
      case 404 -> " (Not Found)";
      case 410 -> " (Gone)";
      case 429 -> " (Too Many Requests)";
      case 500 -> " (Internal Server Error)";
      case 502 -> " (Bad Gateway)";
      case 503 -> " (Service Unavailable)";
      case 504 -> " (Gateway Timeout)";
      default -> "";
    };
  }
}
