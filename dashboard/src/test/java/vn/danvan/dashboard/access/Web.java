package vn.danvan.dashboard.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.danvan.contract.audit.Audit;
import vn.danvan.dashboard.ApiHarness;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * A browser's requests as the access tests write them, header by header: the session cookie and
 * the CSRF headers are set by hand (no cookie jar) so that each test says exactly what was sent.
 */
final class Web {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient(); // follows no redirect

  /** The server's own origin, as a browser on it would send in {@code Origin}. */
  final String origin;

  Web(ApiHarness.Client client) {
    this.origin = client.http().getOrigin();
  }

  /** When the access tests' clocks start. */
  static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

  /** Serves a lake of three regions to {@code accounts}, recording in {@code audit}, on {@code clock}. */
  static void serve(Path tmp, Accounts accounts, Audit audit, Clock clock, ApiHarness.Calls calls) throws Exception {
    ApiHarness.serve(TestLake.in(tmp).regions("s1", 3).publish("s1"), AccessControl.of(accounts, audit)
        .withClock(clock), calls);
  }

  /** A request with these headers (name, value, name, value...) and a JSON body when not null. */
  HttpResponse<String> send(String method, String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {@code POST /api/login} from a page of this server, with the cookie the browser holds (null: none). */
  HttpResponse<String> login(String login, String password, String cookie) throws Exception {
    String body = JSON.writeValueAsString(Map.of("login", login, "password", password));
    return cookie == null ? send("POST", "/api/login", body, "Origin", origin)
        : send("POST", "/api/login", body, "Origin", origin, "Cookie", AuthGate.COOKIE + "=" + cookie);
  }

  /** Signs in and returns the new session's cookie value. */
  String signIn(String login, String password) throws Exception {
    HttpResponse<String> r = login(login, password, null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return sessionCookie(r).orElseThrow();
  }

  /** A GET with the session cookie. */
  HttpResponse<String> get(String path, String cookie) throws Exception {
    return send("GET", path, null, "Cookie", AuthGate.COOKIE + "=" + cookie);
  }

  /** A POST with the session cookie, this server's Origin and the session's CSRF token. */
  HttpResponse<String> post(String path, String json, String cookie) throws Exception {
    return send("POST", path, json, "Cookie", AuthGate.COOKIE + "=" + cookie, "Origin", origin,
        "X-CSRF-Token", csrf(cookie));
  }

  /** The session's CSRF token, from {@code GET /api/session}. */
  String csrf(String cookie) throws Exception {
    HttpResponse<String> r = get("/api/session", cookie);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return json(r).get("csrf").asText();
  }

  /** The session cookie's value as set by the answer, if it set one. */
  static Optional<String> sessionCookie(HttpResponse<?> r) {
    return setCookie(r).map(c -> c.get(AuthGate.COOKIE));
  }

  /** The {@code danvan_session} Set-Cookie, as attribute name (lower case) to value ("" for flags). */
  static Optional<Map<String, String>> setCookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(AuthGate.COOKIE + "=")).findFirst()
        .map(c -> {
          Map<String, String> parts = new LinkedHashMap<>();
          for (String part : c.split(";")) {
            String[] kv = part.strip().split("=", 2);
            parts.put(kv[0].equals(AuthGate.COOKIE) ? kv[0] : kv[0].toLowerCase(java.util.Locale.ROOT),
                kv.length > 1 ? kv[1] : "");
          }
          return parts;
        });
  }

  static JsonNode json(HttpResponse<String> r) throws Exception {
    return JSON.readTree(r.body());
  }

  static String error(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return json(r).get("error").asText();
  }
}
