package vn.danvan.dashboard;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The names a browser may use to reach the server, checked against every request's {@code Host}.
 * Without it a page of another site can point its own name at 127.0.0.1 (DNS rebinding) and read
 * the API as if it were the same origin; with it such a request carries the attacker's name and is
 * refused. A name is accepted bare or with the port the request arrived on.
 */
public record HostAllowList(Set<String> names) {
  public HostAllowList {
    Objects.requireNonNull(names, "names");
    Set<String> lower = new LinkedHashSet<>();
    for (String name : names) {
      Objects.requireNonNull(name, "a host name");
      String bare = unbracket(name.strip().toLowerCase(Locale.ROOT));
      if (bare.isEmpty() || bare.contains("/")) {
        throw new IllegalArgumentException("--host-name must be a host name or address, not '" + name + "'");
      }
      lower.add(bare);
    }
    if (lower.isEmpty()) {
      throw new IllegalArgumentException("a host allow-list needs at least one name");
    }
    names = Set.copyOf(lower);
  }

  /** The default: the address the server is bound to, and {@code localhost}. */
  public static HostAllowList of(String boundAddress, List<String> extraNames) {
    Set<String> all = new LinkedHashSet<>();
    all.add(boundAddress);
    all.add("localhost");
    all.addAll(extraNames);
    return new HostAllowList(all);
  }

  /** Whether {@code hostHeader} (null when the request had none) names this server. */
  public boolean accepts(String hostHeader, int localPort) {
    if (hostHeader == null || hostHeader.isBlank()) {
      return false;
    }
    String host = hostHeader.strip().toLowerCase(Locale.ROOT);
    String name = host;
    int colon = host.lastIndexOf(':');
    if (colon > host.lastIndexOf(']')) { // a port, not a colon inside an IPv6 address
      if (!host.substring(colon + 1).equals(Integer.toString(localPort))) {
        return false;
      }
      name = host.substring(0, colon);
    }
    if (name.endsWith(".")) { // "localhost." is the same name, fully qualified
      name = name.substring(0, name.length() - 1);
    }
    return names.contains(unbracket(name));
  }

  private static String unbracket(String name) {
    return name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
  }
}
