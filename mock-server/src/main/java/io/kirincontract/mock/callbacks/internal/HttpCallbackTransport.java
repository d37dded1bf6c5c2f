package io.kirincontract.mock.callbacks.internal;

import io.kirincontract.mock.callbacks.CallbackSettings;
import io.kirincontract.mock.util.internal.Lazy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends one attempt of a callback with one shared {@link HttpClient}: HTTP/1.1 with keep-alive (the client
 * pools connections per receiver), no redirects.
 *
 * <p><b>One deadline per attempt</b> ({@link CallbackSettings#responseTimeout()}, 5 s by default) covers the whole
 * exchange: connecting, sending, the response headers (the request's timeout) and the response body, which is
 * read up to {@link #MAX_RESPONSE_BODY} and thrown away ({@link DiscardingBody}). At the deadline a body still
 * arriving is cancelled, which closes the connection; a receiver that answers {@code 200} and never ends its body
 * holds the attempt for no longer than that. Should the exchange still not have returned a second later, its
 * thread is interrupted and the attempt is failed anyway.
 *
 * <p>Each exchange runs as a blocking {@link HttpClient#send} on the {@code senders} executor, a fixed pool
 * whose threads are reused. Not {@link HttpClient#sendAsync}: on JDK 17 the future it returns always
 * completes through the {@code CompletableFuture} default executor, which on a machine with two or fewer
 * processors starts a new thread for every response (about three times slower on the two-core benchmark). The
 * dispatcher bounds attempts in flight to the pool's size, so an attempt never waits for a thread.
 */
final class HttpCallbackTransport implements CallbackTransport {

  /** Response bytes read (and discarded) per attempt; the rest of a longer body is cut off. */
  static final long MAX_RESPONSE_BODY = 64 * 1024;

  /** How long after the deadline a stuck exchange's thread is interrupted. */
  private static final Duration BACKSTOP = Duration.ofSeconds(1);

  /** Made on the first callback: a server that never calls back never initialises TLS. */
  private final Lazy<HttpClient> client;
  private final Duration deadline;
  private final ExecutorService senders;
  private final ScheduledExecutorService timers;

  /**
   * @param clientExecutor runs the HTTP client's internal tasks
   * @param senders runs the blocking exchanges, at most {@link CallbackSettings#maxInFlight()} at once
   * @param timers fires the deadlines
   */
  HttpCallbackTransport(
      CallbackSettings settings, Executor clientExecutor, ExecutorService senders, ScheduledExecutorService timers) {
    this.client =
        Lazy.of(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(clientExecutor)
                    .build());
    this.deadline = settings.responseTimeout();
    this.senders = senders;
    this.timers = timers;
  }

  /**
   * Sends attempt {@code attempt} (1-based) of {@code callback}, with {@code signature} as {@link
   * CallbackSigner#HEADER} unless it is {@code null}. Never throws and never completes exceptionally: every
   * failure becomes a {@link TransportResult}.
   */
  @Override
  public CompletableFuture<TransportResult> send(PendingCallback callback, int attempt, String signature) {
    HttpRequest request;
    try {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(callback.url())
              .timeout(deadline)
              .header("Content-Type", "application/json")
              .header("User-Agent", CallbackHeaders.USER_AGENT)
              .header(CallbackHeaders.TASK_ID, callback.taskId())
              .header(CallbackHeaders.TASK_STATUS, callback.status())
              .header(CallbackHeaders.DELIVERY_ATTEMPT, Integer.toString(attempt));
      if (signature != null) {
        builder.header(CallbackSigner.HEADER, signature);
      }
      request = builder.POST(HttpRequest.BodyPublishers.ofByteArray(callback.body())).build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          TransportResult.permanentFailure("unusable callback URL: " + e.getMessage()));
    }
    CompletableFuture<TransportResult> result = new CompletableFuture<>();
    DiscardingBody body = new DiscardingBody(MAX_RESPONSE_BODY);
    Future<?> task;
    try {
      task = senders.submit(() -> result.complete(exchange(request, body)));
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(TransportResult.failure("sender pool shut down"));
    }
    try {
      ScheduledFuture<?> expiry = timers.schedule(body::expire, deadline.toNanos(), TimeUnit.NANOSECONDS);
      ScheduledFuture<?> backstop =
          timers.schedule(
              () -> {
                if (result.complete(TransportResult.failure(overDeadline()))) {
                  task.cancel(true);
                }
              },
              deadline.plus(BACKSTOP).toNanos(),
              TimeUnit.NANOSECONDS);
      result.whenComplete(
          (ignored, error) -> {
            expiry.cancel(false);
            backstop.cancel(false);
          });
    } catch (RejectedExecutionException e) {
      // closing: the request's own timeout still bounds the wait for headers
    }
    return result;
  }

  private TransportResult exchange(HttpRequest request, DiscardingBody body) {
    try {
      HttpResponse<Long> response = client.get().send(request, body);
      return TransportResult.response(response.statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TransportResult.failure(body.expired() ? overDeadline() : "interrupted");
    } catch (IOException | RuntimeException e) {
      return TransportResult.failure(body.expired() ? overDeadline() : describe(e));
    }
  }

  private String overDeadline() {
    return "response timeout: no complete answer (headers and body) within " + deadline + ", the attempt's deadline";
  }

  /** A short, stable text for the log: the kind of failure and the JDK's message. */
  static String describe(Throwable error) {
    Throwable cause = error;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String kind;
    if (cause instanceof HttpConnectTimeoutException) {
      kind = "connect timeout";
    } else if (cause instanceof HttpTimeoutException) {
      kind = "response timeout";
    } else {
      kind = cause.getClass().getSimpleName();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? kind : kind + ": " + message;
  }
}
