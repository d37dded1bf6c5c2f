package io.kirincontract.mock.rules.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code *.callback-url.deliverable}: a {@code callback_url}, when given, is an address a callback can be POSTed to:
 * {@code http} or {@code https}, with a host and a port from 1 to 65535. {@code ftp:}, {@code file:}, {@code
 * mailto:} or port 0 could never be delivered, so they are refused at create instead of failing every attempt
 * later. Whether the destination is allowed (the egress policy) is decided at delivery, not here.
 */
final class CallbackUrlDeliverable implements Rule {

  static final String PARAM = "callback_url";

  private final String id;

  public CallbackUrlDeliverable(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Finding> check(RuleContext context) {
    return context.request()
        .text(PARAM)
        .filter(url -> !url.isEmpty())
        .flatMap(CallbackUrlDeliverable::problem)
        .map(message -> List.of(new Finding(PARAM, message)))
        .orElse(List.of());
  }

  /** What keeps this URL from being delivered to, or empty when a callback can be POSTed to it. */
  static Optional<String> problem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return Optional.of(PARAM + " is not a URL (" + e.getReason() + "); " + WANTED);
    }
    String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      return Optional.of(
          PARAM
              + (scheme == null ? " has no scheme" : " uses " + scheme + ":, which cannot receive a callback")
              + "; "
              + WANTED);
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return Optional.of(PARAM + " has no valid host name; " + WANTED);
    }
    int port = uri.getPort();
    if (port != -1 && (port < 1 || port > 65535)) {
      return Optional.of(PARAM + " has port " + port + ", which cannot be connected to; " + WANTED);
    }
    return Optional.empty();
  }

  private static final String WANTED =
      "give an http:// or https:// URL with a host and, if any, a port from 1 to 65535, such as"
          + " https://example.com/kirin/callbacks";
}
