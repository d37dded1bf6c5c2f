package io.kirincontract.mock;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which hosts the mock may reach on its own initiative: media URLs it fetches and callback URLs it POSTs to
 * ({@code --egress loopback|any|HOST[,HOST...]}, {@link MockConfig#egress}).
 *
 * <ul>
 *   <li>{@link #loopback()}: only a URL whose host is {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8} or
 *       the IPv6 literal {@code ::1} (also written {@code ::ffff:127.x.y.z}). The default of every embedded mock:
 *       a test never calls out.
 *   <li>{@link #any()}: every host. The command line's default.
 *   <li>{@link #allowList}: the loopback hosts, plus each listed host name or IP literal (exact, case-insensitive)
 *       and each {@code *.suffix} (any name ending in {@code .suffix}, not {@code suffix} itself).
 * </ul>
 *
 * <p>The decision reads the URL's host as written and never resolves a name: checking a name would cost a DNS
 * lookup, which a loopback-only run must not make. So {@code http://evil.example/} is refused under {@code
 * loopback} even if that name resolves to {@code 127.0.0.1}, and a listed name is allowed whatever it resolves to.
 * Forms of an address that are not plainly written ({@code 127.1}, {@code 2130706433}, octal) are not loopback.
 * The policy judges the host only; a URL without one is refused unless the policy is {@code any}. (The scheme is
 * the callers' business: media and callbacks use only {@code http} and {@code https}.)
 */
public final class EgressPolicy {

  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern HOST_NAME = Pattern.compile("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");

  private static final EgressPolicy ANY = new EgressPolicy(Kind.ANY, List.of(), List.of());
  private static final EgressPolicy LOOPBACK = new EgressPolicy(Kind.LOOPBACK, List.of(), List.of());

  private enum Kind {
    ANY,
    LOOPBACK,
    LIST
  }

  private final Kind kind;
  private final List<String> hosts;
  private final List<String> suffixes;

  private EgressPolicy(Kind kind, List<String> hosts, List<String> suffixes) {
    this.kind = kind;
    this.hosts = hosts;
    this.suffixes = suffixes;
  }

  /** Every host may be reached. */
  public static EgressPolicy any() {
    return ANY;
  }

  /** Only loopback hosts may be reached (no name is resolved to decide). */
  public static EgressPolicy loopback() {
    return LOOPBACK;
  }

  /**
   * Loopback hosts and these: exact host names or IP literals, or {@code *.suffix} patterns. The entry {@code
   * loopback} is accepted and changes nothing (loopback is always allowed).
   *
   * @throws IllegalArgumentException when the list is empty or an entry is not a host name, IP literal or pattern
   */
  public static EgressPolicy allowList(List<String> entries) {
    Set<String> hosts = new LinkedHashSet<>();
    List<String> suffixes = new ArrayList<>();
    for (String raw : entries) {
      String entry = normalise(Objects.requireNonNull(raw, "entry").trim());
      if (entry.isEmpty() || entry.equals("loopback")) {
        continue;
      }
      if (entry.equals("any")) {
        throw new IllegalArgumentException("'any' cannot be combined with host names; use --egress any alone");
      }
      if (entry.startsWith("[") && entry.endsWith("]")) {
        hosts.add(entry);
      } else if (IPV4.matcher(entry).matches() || HOST_NAME.matcher(entry).matches()) {
        if (entry.startsWith("*.")) {
          suffixes.add(entry.substring(1)); // keep the dot: "*.example.com" matches "a.example.com" only
        } else {
          hosts.add(entry);
        }
      } else {
        throw new IllegalArgumentException(
            "'" + raw.trim() + "' is not a host name, an IP literal or a *.suffix pattern");
      }
    }
    if (hosts.isEmpty() && suffixes.isEmpty()) {
      return LOOPBACK;
    }
    return new EgressPolicy(Kind.LIST, List.copyOf(hosts), List.copyOf(suffixes));
  }

  /**
   * Reads the command line's form: {@code loopback}, {@code any}, or a comma-separated list of hosts.
   *
   * @throws IllegalArgumentException for an empty value or a malformed entry
   */
  public static EgressPolicy parse(String value) {
    String text = Objects.requireNonNull(value, "value").trim().toLowerCase(Locale.ROOT);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("use loopback, any or a comma-separated list of host names");
    }
    if (text.equals("any")) {
      return ANY;
    }
    if (text.equals("loopback")) {
      return LOOPBACK;
    }
    return allowList(List.of(text.split(",", -1)));
  }

  /** Why {@code url} may not be reached, or empty when it may. Never resolves a name, never connects. */
  public Optional<String> refusal(URI url) {
    if (kind == Kind.ANY) {
      return Optional.empty();
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      return Optional.of("the egress policy cannot tell where the URL goes: it has no host");
    }
    if (allows(host)) {
      return Optional.empty();
    }
    return Optional.of("the egress policy (" + this + ") does not allow the host '" + host + "'");
  }

  /** True when {@code url} may be reached. */
  public boolean allows(URI url) {
    return refusal(url).isEmpty();
  }

  /** True when a URL on {@code host} (as {@link URI#getHost()} gives it) may be reached. */
  public boolean allows(String host) {
    if (kind == Kind.ANY) {
      return true;
    }
    String name = normalise(host);
    if (isLoopback(name)) {
      return true;
    }
    if (kind == Kind.LOOPBACK) {
      return false;
    }
    if (hosts.contains(name)) {
      return true;
    }
    for (String suffix : suffixes) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        return true;
      }
    }
    return false;
  }

  /** True for {@link #any()}. */
  public boolean allowsAll() {
    return kind == Kind.ANY;
  }

  /** {@code localhost}, {@code 127.x.y.z}, {@code [::1]} or {@code [::ffff:127.x.y.z]}, as written; no lookup. */
  static boolean isLoopback(String host) {
    String name = normalise(host);
    if (name.equals("localhost")) {
      return true;
    }
    Matcher ipv4 = IPV4.matcher(name);
    if (ipv4.matches()) {
      return isLoopbackIpv4(ipv4);
    }
    if (name.startsWith("[") && name.endsWith("]")) {
      String literal = name.substring(1, name.length() - 1);
      if (literal.equals("::1") || literal.equals("0:0:0:0:0:0:0:1")) {
        return true;
      }
      for (String prefix : List.of("::ffff:", "0:0:0:0:0:ffff:")) {
        if (literal.startsWith(prefix)) {
          Matcher mapped = IPV4.matcher(literal.substring(prefix.length()));
          return mapped.matches() && isLoopbackIpv4(mapped);
        }
      }
    }
    return false;
  }

  private static boolean isLoopbackIpv4(Matcher ipv4) {
    for (int group = 1; group <= 4; group++) {
      String part = ipv4.group(group);
      if (Integer.parseInt(part) > 255 || (part.length() > 1 && part.startsWith("0"))) {
        return false; // out of range, or a leading zero some resolvers read as octal
      }
    }
    return ipv4.group(1).equals("127");
  }

  /** Lower case, without a trailing dot (a fully qualified name). */
  private static String normalise(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    return name.endsWith(".") && name.length() > 1 ? name.substring(0, name.length() - 1) : name;
  }

  /** The command line's form of this policy. */
  @Override
  public String toString() {
    return switch (kind) {
      case ANY -> "any";
      case LOOPBACK -> "loopback";
      case LIST -> {
        List<String> all = new ArrayList<>(hosts);
        suffixes.forEach(suffix -> all.add("*" + suffix));
        yield "loopback," + String.join(",", all);
      }
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EgressPolicy that
        && kind == that.kind
        && hosts.equals(that.hosts)
        && suffixes.equals(that.suffixes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, hosts, suffixes);
  }
}
