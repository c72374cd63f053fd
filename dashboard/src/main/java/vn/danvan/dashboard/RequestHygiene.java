package vn.danvan.dashboard;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.dashboard.openapi.ApiRoute;

/**
 * What every request passes before a handler sees it: the security headers every answer carries,
 * then the refusals that need no handler (a foreign {@code Host}, a method the path does not
 * answer, a body that is not JSON or is too large). Jetty's own refusals get the same headers from
 * {@link JsonErrorHandler}.
 */
final class RequestHygiene {
  /**
   * No inline script or style anywhere (the pages load theirs from the jar); ECharts draws on a
   * canvas and sets styles through the DOM, which a CSP does not restrict. {@code data:} images are
   * the PNG download ECharts makes.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
      + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  static final String JSON = "application/json";
  /** The body of a file upload; a cross-site form may send it, so its routes need the CSRF token (AuthGate). */
  static final String MULTIPART = "multipart/form-data";
  /** The context attribute holding a 405's {@code Allow}, for the error's answer. */
  static final String ALLOW = RequestHygiene.class.getName() + ".allow";

  private final HostAllowList hosts;
  private final Map<Pattern, List<String>> methods;
  private final long maxRequestSize;
  private final Set<String> uploads;

  /**
   * @param paths each known path (Javalin's {@code {param}} syntax) with the methods it answers
   * @param uploads the paths whose body is files ({@value #MULTIPART}) instead of JSON
   */
  RequestHygiene(HostAllowList hosts, Map<String, List<String>> paths, long maxRequestSize, Set<String> uploads) {
    this.uploads = Set.copyOf(uploads);
    this.hosts = Objects.requireNonNull(hosts, "hosts");
    Map<Pattern, List<String>> m = new LinkedHashMap<>();
    paths.forEach((path, allowed) -> m.put(pattern(path), List.copyOf(allowed)));
    this.methods = m;
    this.maxRequestSize = maxRequestSize;
  }

  /** The methods of each route; a GET route also answers HEAD. */
  static Map<String, List<String>> methodsOf(List<ApiRoute> routes) {
    Map<String, List<String>> paths = new LinkedHashMap<>();
    for (ApiRoute route : routes) {
      List<String> allowed = paths.computeIfAbsent(route.path(), p -> new ArrayList<>());
      allowed.add(route.method().name());
      if (route.method() == ApiRoute.Method.GET) {
        allowed.add("HEAD");
      }
    }
    return paths;
  }

  /** The headers every answer carries, errors included. */
  static void secure(SetHeader response, String path) {
    response.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.set("X-Content-Type-Options", "nosniff");
    response.set("Referrer-Policy", "no-referrer");
    response.set("X-Frame-Options", "DENY"); // frame-ancestors for browsers that predate it
    if (path != null && (path.equals("/api") || path.startsWith("/api/"))) {
      response.set("Cache-Control", "private, no-store");
    }
  }

  /** How a header is set: on Javalin's context, or on Jetty's response for its own errors. */
  @FunctionalInterface
  interface SetHeader {
    void set(String name, String value);
  }

  void before(Context ctx) {
    secure(ctx::header, ctx.path());
    if (!hosts.accepts(ctx.header("Host"), ctx.req().getLocalPort())) {
      // 421 Misdirected Request (RFC 9110 15.5.20): this server does not answer for that
      // authority. It says exactly that, where 400 would blame the request's syntax.
      throw new HttpResponseException(HttpStatus.MISDIRECTED_REQUEST.getCode(),
          "this server does not answer for Host '" + ctx.header("Host")
              + "'; start it with --host-name NAME to allow a name");
    }
    String method = ctx.method().name();
    for (Map.Entry<Pattern, List<String>> known : methods.entrySet()) {
      if (known.getKey().matcher(ctx.path()).matches()) {
        if (!known.getValue().contains(method)) {
          String allow = String.join(", ", known.getValue());
          ctx.attribute(ALLOW, allow);
          throw new HttpResponseException(HttpStatus.METHOD_NOT_ALLOWED.getCode(),
              "method " + method + " not allowed on " + ctx.path() + "; allowed: " + allow);
        }
        break;
      }
    }
    if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
      String type = ctx.contentType() == null ? "" : ctx.contentType().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
      if (!type.equals(JSON) && !(type.equals(MULTIPART) && uploads.contains(ctx.path()))) {
        // also what keeps a cross-site <form> from posting: it cannot send application/json
        throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
            "Content-Type must be " + JSON + ", not '" + (ctx.contentType() == null ? "" : ctx.contentType()) + "'");
      }
      long length = ctx.req().getContentLengthLong();
      if (length > maxRequestSize) { // refused before a byte of it is read
        throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
            "body of " + length + " bytes is larger than the " + maxRequestSize + " allowed");
      }
    }
  }

  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
