package vn.danvan.dashboard.access;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.dashboard.openapi.ApiRoute;

/**
 * Deny by default: the before-handler (after the request hygiene) that lets a request through only
 * with credentials, a session cookie or {@code Authorization: Bearer}, except the login page and
 * what it needs. It names the {@link Caller} on the context for the handlers
 * ({@link #caller(Context)}), sends a page without credentials to the login page and answers
 * anything else 401, enforces each route's role, holds an account with a one-time password to the
 * password page, and refuses a cookie-signed state change that fails the {@link CsrfCheck}.
 */
public final class AuthGate {
  /** The session cookie. */
  public static final String COOKIE = "danvan_session";
  private static final String CALLER = AuthGate.class.getName() + ".caller";
  private static final String SESSION = AuthGate.class.getName() + ".session";
  private static final String ACCOUNT = AuthGate.class.getName() + ".account";
  private static final String SIGN_IN = "sign in first (POST /api/login) or send Authorization: Bearer <token>";
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  /** What the login page needs, served to anyone (none of it holds data). */
  private static final Set<String> PUBLIC_FILES = Set.of("/login.html", "/js/login.js", "/js/i18n.js", "/style.css",
      "/openapi.json");
  /** All an account whose password must be changed may do, beside the public files. */
  private static final Set<String> DURING_PASSWORD_CHANGE = Set.of("GET /api/session", "POST /api/logout",
      "POST /api/password", "GET /password.html", "GET /js/password.js");

  private record Rule(String method, Pattern path, ApiRoute route) {}

  private final Accounts accounts;
  private final Sessions sessions;
  private final AccessAudit audit;
  private final List<Rule> rules = new ArrayList<>();

  public AuthGate(Accounts accounts, Sessions sessions, AccessAudit audit, List<ApiRoute> routes) {
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.audit = Objects.requireNonNull(audit, "audit");
    for (ApiRoute route : routes) {
      rules.add(new Rule(route.method().name(), pattern(route.path()), route));
    }
  }

  /** The authenticated caller of this request; a 401 when there is none (deny by default). */
  public static Caller caller(Context ctx) {
    Caller caller = ctx.attribute(CALLER);
    if (caller == null) {
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), SIGN_IN);
    }
    return caller;
  }

  /** The authenticated caller of this request, if the gate named one (not on the open routes). */
  public static Optional<Caller> signedIn(Context ctx) {
    return Optional.ofNullable(ctx.attribute(CALLER));
  }

  /** The session this request was signed in with; empty for a bearer token or none. */
  static Optional<Sessions.Session> session(Context ctx) {
    return Optional.ofNullable(ctx.attribute(SESSION));
  }

  /** The account this request was authenticated as, read at the start of the request. */
  static Account account(Context ctx) {
    caller(ctx);
    return ctx.attribute(ACCOUNT);
  }

  /** The before-handler. */
  public void before(Context ctx) {
    String method = ctx.method() == HandlerType.HEAD ? "GET" : ctx.method().name();
    String path = ctx.path();
    ApiRoute route = route(method, path);
    boolean open = route != null ? route.publicRoute() : method.equals("GET") && PUBLIC_FILES.contains(path);
    Credentials credentials = credentials(ctx);
    if (credentials.account != null) {
      ctx.attribute(CALLER, new Caller(credentials.account.login(), credentials.account.role(),
          credentials.account.scope(), ProxyHeaders.clientAddress(ctx)));
      ctx.attribute(ACCOUNT, credentials.account);
      if (credentials.session != null) {
        ctx.attribute(SESSION, credentials.session);
      }
    }
    if (open) {
      if (STATE_CHANGING.contains(method)) {
        // login CSRF: a foreign page must not sign the browser in to an account of its choosing
        CsrfCheck.origin(ctx).ifPresent(refusal -> deny(ctx, refusal));
      }
      return;
    }
    if (credentials.account == null) {
      if (method.equals("GET") && isPage(path)) {
        redirect(ctx, "/login.html?next=" + URLEncoder.encode(localTarget(ctx), StandardCharsets.UTF_8));
        return;
      }
      if (credentials.problem != null) {
        audit.record(ctx, null, Action.ACCESS_DENIED, method + " " + path, "denied");
      }
      ctx.header("WWW-Authenticate", "Bearer");
      throw new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(),
          credentials.problem != null ? credentials.problem : SIGN_IN);
    }
    if (credentials.session != null && STATE_CHANGING.contains(method)) {
      CsrfCheck.token(ctx, credentials.session).or(() -> CsrfCheck.origin(ctx)).ifPresent(refusal -> deny(ctx, refusal));
    }
    if (credentials.account.mustChange() && !DURING_PASSWORD_CHANGE.contains(method + " " + path)) {
      if (method.equals("GET") && isPage(path)) {
        redirect(ctx, "/password.html");
        return;
      }
      deny(ctx, "the password must be changed first (POST /api/password, or the page /password.html)");
    }
    if (route != null && !credentials.account.role().includes(route.requires())) {
      deny(ctx, "this needs the " + route.requires().code() + " role or more; "
          + credentials.account.login() + " is " + credentials.account.role().code());
    }
  }

  private void deny(Context ctx, String message) {
    audit.record(ctx, ctx.attribute(CALLER), Action.ACCESS_DENIED, ctx.method().name() + " " + ctx.path(), "denied");
    throw new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), message);
  }

  /** Who the request is, from its bearer token or else its session cookie; why not, when it said. */
  private record Credentials(Account account, Sessions.Session session, String problem) {}

  private Credentials credentials(Context ctx) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && !authorization.isBlank()) {
      String[] parts = authorization.strip().split("\\s+", 2);
      if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
        return new Credentials(null, null, "Authorization must be 'Bearer <token>'");
      }
      return accounts.bearer(parts[1]).filter(a -> !a.disabled())
          .map(a -> new Credentials(a, null, null))
          .orElseGet(() -> new Credentials(null, null, "the bearer token is unknown, revoked or of a disabled account"));
    }
    String id = ctx.cookie(COOKIE);
    if (id == null || id.isEmpty()) {
      return new Credentials(null, null, null);
    }
    Optional<Sessions.Session> session = sessions.touch(id);
    if (session.isEmpty()) {
      return new Credentials(null, null, "the session has ended (signed out, timed out or replaced); sign in again");
    }
    // read again on every request: a disabled account or a changed role takes effect at once
    Optional<Account> account = accounts.find(session.get().login()).filter(a -> !a.disabled());
    if (account.isEmpty()) {
      sessions.end(id);
      return new Credentials(null, null, "the account of this session is disabled; sign in again");
    }
    return new Credentials(account.get(), session.get(), null);
  }

  private ApiRoute route(String method, String path) {
    for (Rule rule : rules) {
      if (rule.method.equals(method) && rule.path.matcher(path).matches()) {
        return rule.route;
      }
    }
    return null;
  }

  /** A page a person opens: sent to sign in rather than answered 401. */
  private static boolean isPage(String path) {
    return path.equals("/") || path.endsWith(".html");
  }

  /** Where the login page sends the browser back to: this request's path and query. */
  private static String localTarget(Context ctx) {
    String query = ctx.queryString();
    String target = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    return isLocal(target) ? target : "/";
  }

  /** A path of this server ({@code /...}), never one a browser reads as another host ({@code //}, {@code /\}). */
  public static boolean isLocal(String target) {
    return target != null && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\")
        && target.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  private static void redirect(Context ctx, String location) {
    ctx.redirect(location, HttpStatus.FOUND);
    ctx.skipRemainingHandlers();
  }

  private static Pattern pattern(String path) {
    StringBuilder regex = new StringBuilder();
    for (String part : path.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
