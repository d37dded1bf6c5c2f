package io.kirincontract.mock.admin.internal;

import io.kirincontract.mock.util.internal.KeyId;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.StringJoiner;

/**
 * What the admin API shows of the secrets tenants hand the mock (DESIGN §8): an API key as its {@link KeyId}, a
 * {@code callback_url} without user info, query values or fragment ({@code https://u:p@hooks.example/cb?token=abc}
 * is {@code https://hooks.example/cb?token=***}). A shared mock's admin reader learns which tenant and which receiver,
 * not how to act as either.
 */
public final class Redaction {

  /** What stands for a removed query value. */
  public static final String HIDDEN = "***";

  private Redaction() {}

  /** The key's public id; {@code null} for none. */
  public static String keyId(String rawKey) {
    return KeyId.of(rawKey);
  }

  /** The URL without user info, query values and fragment; {@code null} for none. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "(a URL that cannot be parsed, not shown)";
    }
    if (uri.isOpaque() || uri.getRawAuthority() == null) {
      return uri.getScheme() == null ? "(not shown)" : uri.getScheme() + ":" + HIDDEN;
    }
    StringBuilder shown = new StringBuilder();
    shown.append(uri.getScheme()).append("://");
    String host = uri.getHost();
    if (host == null) {
      // a registry-based authority (no parsable host): keep only what follows any user info
      String authority = uri.getRawAuthority();
      shown.append(authority.substring(authority.lastIndexOf('@') + 1));
    } else {
      shown.append(host);
      if (uri.getPort() >= 0) {
        shown.append(':').append(uri.getPort());
      }
    }
    shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
    String query = uri.getRawQuery();
    if (query != null) {
      StringJoiner names = new StringJoiner("&", "?", "");
      for (String pair : query.split("&", -1)) {
        int equals = pair.indexOf('=');
        names.add(equals < 0 ? pair : pair.substring(0, equals) + "=" + HIDDEN);
      }
      shown.append(names);
    }
    return shown.toString();
  }
}
