package io.kirincontract.mock.http.internal;

import io.kirincontract.mock.MockConfig;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which {@code Host} headers the admin API accepts: a guard against DNS rebinding, where a web page on a name its
 * author controls (resolved to 127.0.0.1 once the page has loaded) talks to the mock as its own origin. Such a page
 * sends its own name as {@code Host}, never an IP address, so an IP address is always accepted, as are {@code
 * localhost} (and {@code *.localhost}, which resolves to loopback), the bound host name, the {@code --public-url}
 * host and the names given with {@code --allowed-hosts} ({@code *}: any). A request without {@code Host} (HTTP/1.0)
 * comes from no browser and is accepted.
 */
final class HostCheck {

  private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+(%[\\w.-]+)?");
  private static final Pattern OCTET = Pattern.compile("\\d{1,3}");

  private final Set<String> names = new LinkedHashSet<>();
  private final boolean any;

  HostCheck(MockConfig config) {
    names.add("localhost");
    names.add(config.host().toLowerCase(Locale.ROOT));
    config.publicUrl().map(HostCheck::hostOf).ifPresent(names::add);
    names.addAll(config.allowedHosts());
    this.any = names.contains("*");
  }

  /** Whether a request with this {@code Host} header may use the admin API. */
  boolean allows(String hostHeader) {
    if (any || hostHeader == null || hostHeader.isBlank()) {
      return true;
    }
    String host = nameOf(hostHeader.trim());
    if (host.isEmpty()) {
      return false;
    }
    return isIpLiteral(host) || names.contains(host) || host.endsWith(".localhost");
  }

  /** The names accepted besides IP addresses, for the refusal's message. */
  Set<String> names() {
    return Set.copyOf(names);
  }

  /** The host of a {@code Host} header, without the port, in lower case; IPv6 without its brackets. */
  static String nameOf(String header) {
    String value = header.toLowerCase(Locale.ROOT);
    if (value.startsWith("[")) {
      int end = value.indexOf(']');
      return end < 0 ? "" : value.substring(1, end);
    }
    int colon = value.lastIndexOf(':');
    String host = colon < 0 ? value : value.substring(0, colon);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  /** An IPv4 address in dotted form, or an IPv6 address: written as one, never resolved. */
  static boolean isIpLiteral(String host) {
    if (host.indexOf(':') >= 0) {
      return IPV6.matcher(host).matches();
    }
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!OCTET.matcher(part).matches() || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
