package io.kirincontract.mock.media;

import io.kirincontract.mock.util.Lazy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a URL into memory with a byte cap and a deadline. {@code connectTimeout} bounds the
 * connection; {@code readTimeout} bounds the wait for the response headers; the whole fetch, body
 * included, ends after {@code connectTimeout + readTimeout} at the latest, even when the server
 * keeps the connection open without sending. Redirects are followed (never from https to http). One
 * instance serves any number of threads.
 */
final class UrlFetcher {

  /** Byte arrays cannot hold more; caps above it are lowered to it. */
  private static final long LARGEST_BODY = Integer.MAX_VALUE - 16;

  private final MediaFetchSettings settings;
  /** Made on the first fetch: a server that never fetches never initialises TLS. */
  private final Lazy<HttpClient> client;
  private final Duration deadline;

  UrlFetcher(MediaFetchSettings settings) {
    this.settings = settings;
    this.client =
        Lazy.of(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build());
    this.deadline = settings.connectTimeout().plus(settings.readTimeout());
  }

  FetchOutcome fetch(URI uri, long cap) {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET().build();
    } catch (IllegalArgumentException e) {
      return new FetchOutcome.Failed("the URL cannot be requested: " + e.getMessage());
    }
    CappedBodyHandler handler = new CappedBodyHandler(Math.min(cap, LARGEST_BODY));
    CompletableFuture<HttpResponse<FetchOutcome>> exchange = client.get().sendAsync(request, handler);
    try {
      return exchange.get(deadline.toMillis(), TimeUnit.MILLISECONDS).body();
    } catch (TimeoutException e) {
      FetchOutcome late = new FetchOutcome.Failed(lateReason(handler.received()));
      handler.abort(late);
      exchange.cancel(true);
      return late;
    } catch (ExecutionException e) {
      return new FetchOutcome.Failed(FetchFailures.describe(e.getCause(), uri, settings));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.abort(new FetchOutcome.Failed("interrupted"));
      exchange.cancel(true);
      return new FetchOutcome.Failed("the fetch was interrupted");
    }
  }

  private String lateReason(long received) {
    String limit = Texts.duration(deadline);
    if (received == 0) {
      return "no complete response within " + limit;
    }
    return "the download did not finish within "
        + limit
        + " (stalled after "
        + Texts.bytes(received)
        + ")";
  }
}
