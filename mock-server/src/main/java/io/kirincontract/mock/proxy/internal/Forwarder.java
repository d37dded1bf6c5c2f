package io.kirincontract.mock.proxy.internal;

import io.kirincontract.mock.media.internal.CappedBodySubscriber;
import io.kirincontract.mock.media.internal.FetchOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a request to the upstream with the JDK's {@link HttpClient} and waits at most the proxy timeout for the whole
 * answer. Redirects are not followed (the caller gets the {@code 3xx} as the upstream sent it); hop-by-hop headers are
 * dropped both ways. A connection that cannot be made within {@link #CONNECT_TIMEOUT} (or the proxy timeout, if
 * shorter) is a {@code 502}, and so is an answer over the size limit, cut off when it passes it ({@link
 * CappedBodySubscriber#anyStatus}).
 */
public final class Forwarder {

  /** The longest wait for a connection to the upstream. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /**
   * Headers that concern one connection, not the exchange (RFC 9110 §7.6.1), and those the JDK client sets itself:
   * never forwarded either way.
   */
  static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection", "te",
          "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "http2-settings");

  private final URI upstream;
  private final Duration timeout;
  private final long maxAnswerBytes;
  private final HttpClient client;

  /**
   * @param upstream the base URL requests go to: its path, if any, is put before the request's path
   * @param maxAnswerBytes a longer answer is a {@code 502}
   */
  public Forwarder(URI upstream, Duration timeout, long maxAnswerBytes) {
    this.upstream = upstream;
    this.timeout = timeout;
    this.maxAnswerBytes = maxAnswerBytes;
    this.client =
        HttpClient.newBuilder()
            // HTTP/1.1 as the caller spoke it: no h2c upgrade headers added to what the upstream sees
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout.compareTo(CONNECT_TIMEOUT) < 0 ? timeout : CONNECT_TIMEOUT)
            .build();
  }

  /** The upstream's base URL, as configured. */
  public URI upstream() {
    return upstream;
  }

  /**
   * Forwards {@code request} and returns the upstream's answer.
   *
   * @throws UpstreamFailure when no whole answer came back in time
   */
  public UpstreamAnswer forward(ForwardedRequest request) throws UpstreamFailure {
    HttpRequest.Builder outgoing =
        HttpRequest.newBuilder(target(request))
            .timeout(timeout)
            .method(
                request.method(),
                request.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach((name, values) -> {
      if (endToEnd(name, request.headers())) {
        values.forEach(value -> header(outgoing, name, value));
      }
    });
    CompletableFuture<HttpResponse<FetchOutcome>> sent =
        client.sendAsync(outgoing.build(), CappedBodySubscriber.anyStatus(maxAnswerBytes));
    try {
      HttpResponse<FetchOutcome> response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!(response.body() instanceof FetchOutcome.Body body)) {
        throw tooLarge(response.body() instanceof FetchOutcome.OverCap over ? over.seenBytes() : -1);
      }
      return new UpstreamAnswer(response.statusCode(), answerHeaders(response), body.bytes());
    } catch (TimeoutException e) {
      sent.cancel(true);
      throw timedOut();
    } catch (ExecutionException e) {
      throw failure(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      sent.cancel(true);
      throw UpstreamFailure.unreachable("the request to the upstream " + upstream + " was interrupted");
    }
  }

  /** Adds a header; one the JDK client will not send (it sets it itself) is left out. */
  private static void header(HttpRequest.Builder outgoing, String name, String value) {
    try {
      outgoing.header(name, value);
    } catch (IllegalArgumentException e) {
      // a restricted name beyond HOP_BY_HOP: the client sends its own
    }
  }

  /** An answer over the limit: {@code declared} is its {@code Content-Length}, or -1 when it was cut off. */
  private UpstreamFailure tooLarge(long declared) {
    return UpstreamFailure.unreachable(
        "the upstream " + upstream + " answered more than the limit of " + maxAnswerBytes + " bytes ("
            + (declared >= 0 ? declared + " when cut off" : "cut off at the limit") + ")");
  }

  private UpstreamFailure failure(Throwable cause) {
    if (cause instanceof HttpConnectTimeoutException) {
      return UpstreamFailure.unreachable("no connection to the upstream " + upstream + " within the connect timeout");
    }
    if (cause instanceof HttpTimeoutException) {
      return timedOut();
    }
    if (cause instanceof ConnectException) {
      return UpstreamFailure.unreachable("the upstream " + upstream + " refused the connection");
    }
    String what = cause instanceof IOException ? "the exchange failed" : "the request could not be sent";
    return UpstreamFailure.unreachable(
        what + " with the upstream " + upstream + " (" + cause.getClass().getSimpleName() + ")");
  }

  private UpstreamFailure timedOut() {
    return UpstreamFailure.timeout(
        "the upstream " + upstream + " did not answer within " + timeout.toMillis() + " ms (--proxy-timeout)");
  }

  private URI target(ForwardedRequest request) {
    String base = upstream.toString();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + request.target());
  }

  private static Map<String, List<String>> answerHeaders(HttpResponse<?> response) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    response.headers().map().forEach((name, values) -> {
      if (!name.startsWith(":") && endToEnd(name, response.headers().map())) {
        headers.put(name, values);
      }
    });
    return headers;
  }

  /** Neither hop-by-hop by nature nor named in the message's {@code Connection} header. */
  static boolean endToEnd(String name, Map<String, List<String>> headers) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (HOP_BY_HOP.contains(lower)) {
      return false;
    }
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase("connection")) {
        for (String value : header.getValue()) {
          for (String token : value.split(",")) {
            if (token.trim().equalsIgnoreCase(lower)) {
              return false;
            }
          }
        }
      }
    }
    return true;
  }
}
