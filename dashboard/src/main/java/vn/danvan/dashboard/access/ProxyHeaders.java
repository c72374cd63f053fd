package vn.danvan.dashboard.access;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * What the request says about its client, trusting the {@code X-Forwarded-*} headers only from a
 * reverse proxy on this machine (a loopback peer): anyone else could write them. Behind such a
 * proxy the client's address and whether it used TLS are the proxy's words; otherwise the
 * connection's.
 */
public final class ProxyHeaders {
  private ProxyHeaders() {}

  /** The client's IP address: the proxy's last {@code X-Forwarded-For} entry, else the peer's. */
  public static String clientAddress(Context ctx) {
    String peer = ctx.req().getRemoteAddr();
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded != null && !forwarded.isBlank() && loopback(peer)) {
      String[] hops = forwarded.split(",");
      String last = hops[hops.length - 1].strip();
      if (!last.isEmpty()) {
        return last;
      }
    }
    return peer == null ? "unknown" : peer;
  }

  /** Whether the browser reached us over TLS (directly, or through a loopback proxy that says so). */
  public static boolean overTls(Context ctx) {
    if ("https".equalsIgnoreCase(ctx.scheme())) {
      return true;
    }
    String proto = ctx.header("X-Forwarded-Proto");
    return proto != null && proto.strip().toLowerCase(Locale.ROOT).equals("https")
        && loopback(ctx.req().getRemoteAddr());
  }

  /** This server's origin as the browser sees it: scheme and {@code Host} (checked by the allow-list). */
  public static String ownOrigin(Context ctx) {
    return (overTls(ctx) ? "https" : "http") + "://" + ctx.header("Host");
  }

  private static boolean loopback(String address) {
    if (address == null) {
      return false;
    }
    try {
      // a literal address: no lookup happens
      return (address.contains(":") || address.matches("[0-9.]+")) && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
