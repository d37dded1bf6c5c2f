package io.kirincontract.mock.callbacks;

import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sends callbacks with one shared asynchronous {@link HttpClient}: HTTP/1.1 with keep-alive (the client pools
 * connections per receiver), no redirects, the connect timeout on the client and the response timeout on each request.
 */
final class HttpCallbackTransport implements CallbackTransport {

  private final HttpClient client;
  private final Duration responseTimeout;

  HttpCallbackTransport(CallbackSettings settings, Executor executor) {
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.responseTimeout = settings.responseTimeout();
  }

  @Override
  public CompletableFuture<TransportResult> send(PendingCallback callback, int attempt) {
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
      return client
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .handle(
              (response, error) ->
                  error == null
                      ? TransportResult.response(response.statusCode())
                      : TransportResult.failure(describe(error)));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(TransportResult.failure(describe(e)));
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
