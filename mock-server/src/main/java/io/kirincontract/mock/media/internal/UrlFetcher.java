package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.EgressPolicy;
import io.kirincontract.mock.util.internal.Lazy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a URL into memory with a byte cap and a deadline. {@code connectTimeout} bounds the
 * connection; {@code readTimeout} bounds the wait for the response headers; the whole fetch, body
 * included, ends after {@code connectTimeout + readTimeout} at the latest, even when the server
 * keeps the connection open without sending. Redirects are followed (never from https to http, at
 * most 5), each hop within the same deadline. The {@link EgressPolicy} is asked before the first
 * request and before each redirect: a refused URL is a failure at once, with no DNS lookup and no
 * connection. One instance serves any number of threads.
 */
final class UrlFetcher {

  /** Byte arrays cannot hold more; caps above it are lowered to it. */
  private static final long LARGEST_BODY = Integer.MAX_VALUE - 16;

  private static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

  private final MediaFetchSettings settings;
  private final EgressPolicy egress;
  /** Made on the first fetch: a server that never fetches never initialises TLS. */
  private final Lazy<HttpClient> client;
  private final Duration deadline;

  UrlFetcher(MediaFetchSettings settings, EgressPolicy egress) {
    this.settings = settings;
    this.egress = egress;
    this.client =
        Lazy.of(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER) // followed here, each hop checked
                    .build());
    this.deadline = settings.connectTimeout().plus(settings.readTimeout());
  }

  FetchOutcome fetch(URI uri, long cap) {
    long deadlineAt = System.nanoTime() + deadline.toNanos();
    URI current = uri;
    for (int hop = 0; ; hop++) {
      Optional<String> refusal = egress.refusal(current);
      if (refusal.isPresent()) {
        return new FetchOutcome.Failed(
            hop == 0 ? refusal.get() : refusal.get() + " (redirected to " + current + ")");
      }
      HttpResponse<FetchOutcome> response;
      try {
        response = exchange(current, cap, deadlineAt);
      } catch (Finished finished) {
        return finished.outcome;
      }
      URI next;
      try {
        next = redirectTarget(current, response);
      } catch (IllegalArgumentException e) {
        return new FetchOutcome.Failed(
            "the server answered HTTP " + response.statusCode() + " with an unusable Location header");
      }
      if (next == null) {
        return response.body();
      }
      if (hop == MAX_REDIRECTS) {
        return new FetchOutcome.Failed("more than " + MAX_REDIRECTS + " redirects");
      }
      if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
        return new FetchOutcome.Failed(
            "the server answered HTTP " + response.statusCode() + ": a redirect from https to http is not followed");
      }
      current = next;
    }
  }

  /** One request, within what is left of the deadline. */
  private HttpResponse<FetchOutcome> exchange(URI uri, long cap, long deadlineAt) throws Finished {
    HttpRequest request;
    try {
      request = HttpRequest.newBuilder(uri).timeout(settings.readTimeout()).GET().build();
    } catch (IllegalArgumentException e) {
      throw new Finished(new FetchOutcome.Failed("the URL cannot be requested: " + e.getMessage()));
    }
    CappedBodyHandler handler = new CappedBodyHandler(Math.min(cap, LARGEST_BODY));
    CompletableFuture<HttpResponse<FetchOutcome>> exchange = client.get().sendAsync(request, handler);
    try {
      return exchange.get(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      FetchOutcome late = new FetchOutcome.Failed(lateReason(handler.received()));
      handler.abort(late);
      exchange.cancel(true);
      throw new Finished(late);
    } catch (ExecutionException e) {
      throw new Finished(new FetchOutcome.Failed(FetchFailures.describe(e.getCause(), uri, settings)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handler.abort(new FetchOutcome.Failed("interrupted"));
      exchange.cancel(true);
      throw new Finished(new FetchOutcome.Failed("the fetch was interrupted"));
    }
  }

  /** Where a redirect answer points, or {@code null} when the answer is not a redirect. */
  private static URI redirectTarget(URI current, HttpResponse<?> response) {
    if (!REDIRECTS.contains(response.statusCode())) {
      return null;
    }
    Optional<String> location = response.headers().firstValue("Location");
    return location.map(value -> current.resolve(value.trim())).orElse(null);
  }

  /** Ends a fetch early with its outcome. */
  private static final class Finished extends Exception {
    private final transient FetchOutcome outcome;

    Finished(FetchOutcome outcome) {
      super(null, null, false, false);
      this.outcome = outcome;
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
