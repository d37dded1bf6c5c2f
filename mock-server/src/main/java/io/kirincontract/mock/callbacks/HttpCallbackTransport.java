package io.kirincontract.mock.callbacks;

import io.kirincontract.mock.util.Lazy;
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
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends one attempt of a callback with one shared {@link HttpClient}: HTTP/1.1 with keep-alive (the client
 * pools connections per receiver), no redirects, the connect timeout on the client and the response timeout
 * on each request.
 *
 * <p>Each exchange runs as a blocking {@link HttpClient#send} on the {@code senders} executor, a fixed pool
 * whose threads are reused. Not {@link HttpClient#sendAsync}: on JDK 17 the future it returns always
 * completes through the {@code CompletableFuture} default executor, which on a machine with two or fewer
 * processors starts a new thread for every response (about three times slower on the two-core benchmark). The
 * dispatcher bounds attempts in flight to the pool's size, so an attempt never waits for a thread.
 */
final class HttpCallbackTransport {

  /** Made on the first callback: a server that never calls back never initialises TLS. */
  private final Lazy<HttpClient> client;
  private final Duration responseTimeout;
  private final Executor senders;

  /**
   * @param clientExecutor runs the HTTP client's internal tasks
   * @param senders runs the blocking exchanges, at most {@link CallbackSettings#maxInFlight()} at once
   */
  HttpCallbackTransport(CallbackSettings settings, Executor clientExecutor, Executor senders) {
    this.client =
        Lazy.of(
            () ->
                HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(clientExecutor)
                    .build());
    this.responseTimeout = settings.responseTimeout();
    this.senders = senders;
  }

  /**
   * Sends attempt {@code attempt} (1-based) of {@code callback}. Never throws and never completes
   * exceptionally: every failure becomes a {@link TransportResult}.
   */
  CompletableFuture<TransportResult> send(PendingCallback callback, int attempt) {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(callback.url())
              .timeout(responseTimeout)
              .header("Content-Type", "application/json")
              .header("User-Agent", CallbackHeaders.USER_AGENT)
              .header(CallbackHeaders.TASK_ID, callback.taskId())
              .header(CallbackHeaders.TASK_STATUS, callback.status())
              .header(CallbackHeaders.DELIVERY_ATTEMPT, Integer.toString(attempt))
              .POST(HttpRequest.BodyPublishers.ofByteArray(callback.body()))
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.completedFuture(
          TransportResult.permanentFailure("unusable callback URL: " + e.getMessage()));
    }
    try {
      return CompletableFuture.supplyAsync(() -> exchange(request), senders);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(TransportResult.failure("sender pool shut down"));
    }
  }

  private TransportResult exchange(HttpRequest request) {
    try {
      HttpResponse<Void> response = client.get().send(request, HttpResponse.BodyHandlers.discarding());
      return TransportResult.response(response.statusCode());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return TransportResult.failure("interrupted");
    } catch (IOException | RuntimeException e) {
      return TransportResult.failure(describe(e));
    }
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
