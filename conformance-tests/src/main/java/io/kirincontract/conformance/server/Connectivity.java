package io.kirincontract.conformance.server;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The first check of a run: does anything answer HTTP at the base URL, within a short timeout. */
public final class Connectivity {

  private Connectivity() {}

  /**
   * Sends one unauthenticated {@code GET} of a task that cannot exist; any HTTP answer counts as reachable.
   *
   * @throws TargetUnreachableException naming the URL, the cause and what to check
   */
  public static void check(String baseUrl, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(baseUrl + "/v1/videos/generations/conformance-connectivity-check");
    } catch (IllegalArgumentException e) {
      throw new TargetUnreachableException("kirin.baseUrl '" + baseUrl + "' is not a URL: " + e.getMessage(), e);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout.multipliedBy(2)).GET().build();
    try {
      client.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(baseUrl, "no connection within " + timeout.toSeconds() + " s", e);
    } catch (HttpTimeoutException e) {
      throw unreachable(baseUrl, "connected, but no HTTP answer within " + timeout.multipliedBy(2).toSeconds() + " s", e);
    } catch (ConnectException e) {
      throw unreachable(baseUrl, "connection refused (nothing listens there)", e);
    } catch (IOException e) {
      throw unreachable(baseUrl, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unreachable(baseUrl, "interrupted", e);
    }
  }

  private static TargetUnreachableException unreachable(String baseUrl, String reason, Throwable cause) {
    return new TargetUnreachableException(
        "Kirin server unreachable at " + baseUrl + ": " + reason
            + ". Check -Dkirin.baseUrl (or --base-url): scheme, host and port of a running server.",
        cause);
  }
}
