package io.kirincontract.mock.media.internal;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** Turns what the HTTP client throws into a reason a user can act on. */
final class FetchFailures {

  private FetchFailures() {}

  static String describe(Throwable error, URI uri, MediaFetchSettings settings) {
    String host = uri.getHost();
    if (has(error, UnresolvedAddressException.class) || has(error, UnknownHostException.class)) {
      return "the host name '" + host + "' could not be resolved (DNS)";
    }
    if (has(error, HttpConnectTimeoutException.class)) {
      return "could not connect to "
          + authority(uri)
          + " within "
          + Texts.duration(settings.connectTimeout());
    }
    if (has(error, HttpTimeoutException.class)) {
      return "no response from "
          + authority(uri)
          + " within "
          + Texts.duration(settings.readTimeout());
    }
    if (has(error, ConnectException.class)) {
      return "could not connect to " + authority(uri) + " (connection refused or host unreachable)";
    }
    SSLException tls = find(error, SSLException.class);
    if (tls != null) {
      return "TLS error talking to " + authority(uri) + ": " + tls.getMessage();
    }
    Throwable root = root(error);
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return "fetching from " + authority(uri) + " failed: " + message;
  }

  private static String authority(URI uri) {
    int port = uri.getPort();
    if (port == -1) {
      port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
    return uri.getHost() + ":" + port;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    return find(error, type) != null;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  private static Throwable root(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
