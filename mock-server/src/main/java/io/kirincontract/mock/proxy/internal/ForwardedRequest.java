package io.kirincontract.mock.proxy.internal;

import java.util.List;
import java.util.Map;

/**
 * A request as the proxy sends it upstream: the caller's method, path, query, end-to-end headers ({@code
 * Authorization} included) and body. It holds the raw key: it never leaves the forwarding step; the judge sees an
 * {@link Exchange}, which names the key only by its {@code key_id}.
 *
 * @param query the raw query string without {@code ?}, or {@code null}
 */
public record ForwardedRequest(
    String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

  public ForwardedRequest {
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** The path with its query, as sent. */
  public String target() {
    return query == null || query.isEmpty() ? path : path + "?" + query;
  }

  /** The first value of a header, by case-insensitive name; {@code null} when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
