package vn.danvan.dashboard.access;

import io.javalin.http.Context;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * The two checks a state-changing request signed in by the session cookie must pass, since the
 * browser sends that cookie whoever made the page: the session's token echoed in
 * {@code X-CSRF-Token} (a foreign page cannot read it), and an {@code Origin} that is this server's
 * own (or, from a browser that sent none, {@code Sec-Fetch-Site: same-origin}). The JSON-only body
 * rule of the request hygiene is a third line.
 */
final class CsrfCheck {
  static final String HEADER = "X-CSRF-Token";

  private CsrfCheck() {}

  /** Why the origin is refused, empty when it is this server's own. */
  static Optional<String> origin(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || origin.isBlank()) {
      String site = ctx.header("Sec-Fetch-Site");
      if (site != null && site.strip().equalsIgnoreCase("same-origin")) {
        return Optional.empty();
      }
      return Optional.of("CSRF check failed: the request has no Origin header (nor Sec-Fetch-Site: same-origin)");
    }
    String own = ProxyHeaders.ownOrigin(ctx);
    String sent = normal(origin);
    if (sent.isEmpty() || !sent.equals(normal(own))) {
      return Optional.of("CSRF check failed: Origin '" + origin + "' is not this server's (" + own + ")");
    }
    return Optional.empty();
  }

  /** Why the token is refused, empty when {@code X-CSRF-Token} is the session's. */
  static Optional<String> token(Context ctx, Sessions.Session session) {
    String sent = ctx.header(HEADER);
    if (sent == null || sent.isEmpty()) {
      return Optional.of("CSRF check failed: the " + HEADER + " header is missing (GET /api/session gives it)");
    }
    if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.csrf().getBytes(StandardCharsets.UTF_8))) {
      return Optional.of("CSRF check failed: the " + HEADER + " header is not this session's token");
    }
    return Optional.empty();
  }

  /** scheme://host[:port] in lower case, the scheme's default port left out; "" when not a URL. */
  private static String normal(String origin) {
    try {
      URI uri = new URI(origin.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      if (host.isEmpty() || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
        return "";
      }
      return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }
}
