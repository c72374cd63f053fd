package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * Request hygiene as the app answers it: the security headers on every kind of answer, the API's
 * JSON for every error, 405 with Allow, HEAD as GET, and POST bodies that must be JSON objects.
 * What Jetty refuses before the app (400, 413, 414) and the Host check are in
 * {@link ServerHygieneTest}, on a real server.
 */
class RequestHygieneTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  @TempDir Path tmp;

  private TestLake lake() {
    return TestLake.in(tmp.resolve("lake")).regions("s1", 3).publish("s1");
  }

  static void assertSecurityHeaders(HttpResponse<?> r, boolean api) {
    String what = r.request().method() + " " + r.uri().getPath() + " " + r.statusCode();
    assertThat(r.headers().allValues("Content-Security-Policy")).as(what).containsExactly(CSP);
    assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).doesNotContain("unsafe-inline");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
    if (api) {
      assertThat(r.headers().allValues("Cache-Control")).as(what).containsExactly("private, no-store");
    }
  }

  static String error(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type")).as(r.body()).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    return JSON.readTree(r.body()).get("error").asText();
  }

  @Test
  void every_answer_carries_the_security_headers() throws Exception {
    serve(lake(), client -> {
      for (String page : List.of("/", "/trends.html", "/js/panel.js", "/style.css", "/vendor/echarts.min.js")) {
        HttpResponse<String> r = client.send("GET", page, null, null);
        assertThat(r.statusCode()).as(page).isEqualTo(200);
        assertSecurityHeaders(r, false);
      }
      HttpResponse<String> api = client.send("GET", "/api/indicators", null, null);
      assertThat(api.statusCode()).isEqualTo(200);
      assertSecurityHeaders(api, true);
      HttpResponse<String> missing = client.send("GET", "/api/nothing-here", null, null);
      assertThat(error(missing, 404)).isEqualTo("not found: GET /api/nothing-here");
      assertSecurityHeaders(missing, true);
      HttpResponse<String> missingPage = client.send("GET", "/nothing.html", null, null);
      assertThat(missingPage.statusCode()).isEqualTo(404);
      assertSecurityHeaders(missingPage, false);
      HttpResponse<String> invalid = client.send("GET", "/api/map?indicator=houses_supported&year=abc", null, null);
      assertThat(error(invalid, 400)).contains("year");
      assertSecurityHeaders(invalid, true);
    });
  }

  @Test
  void a_wrong_method_on_a_known_path_is_405_with_allow() throws Exception {
    serve(lake(), client -> {
      HttpResponse<String> post = client.send("POST", "/api/indicators", "application/json", "{}");
      assertThat(error(post, 405)).isEqualTo("method POST not allowed on /api/indicators; allowed: GET, HEAD");
      assertThat(post.headers().allValues("Allow")).containsExactly("GET, HEAD");
      assertSecurityHeaders(post, true);

      HttpResponse<String> get = client.send("GET", "/api/export/xlsx", null, null);
      assertThat(error(get, 405)).startsWith("method GET not allowed");
      assertThat(get.headers().allValues("Allow")).containsExactly("POST");

      HttpResponse<String> delete = client.send("DELETE", "/api/regions/01", null, null);
      error(delete, 405);
      assertThat(delete.headers().allValues("Allow")).containsExactly("GET, HEAD");

      HttpResponse<String> openApi = client.send("PUT", "/openapi.json", "application/json", "{}");
      error(openApi, 405);
      assertThat(openApi.headers().allValues("Allow")).containsExactly("GET, HEAD");
    });
  }

  @Test
  void head_answers_as_get_would_without_a_body() throws Exception {
    serve(lake(), client -> {
      // a 200 of the API and of a page, a 404 of a handler (no boundaries imported), a 404 of no route
      for (String path : List.of("/api/indicators", "/", "/api/geo/province", "/api/nothing-here")) {
        HttpResponse<String> get = client.send("GET", path, null, null);
        HttpResponse<String> head = client.send("HEAD", path, null, null);
        assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
        assertThat(headers(head)).as(path).isEqualTo(headers(get));
        assertThat(head.body()).as(path).isEmpty();
      }
      assertThat(client.send("HEAD", "/api/geo/province", null, null).statusCode()).isEqualTo(404);
    });
  }

  @Test
  void a_post_body_must_be_json() throws Exception {
    serve(lake(), client -> {
      String table = "{\"columns\":[\"a\"],\"rows\":[[1]]}";
      for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
        HttpResponse<String> r = client.send("POST", "/api/export/xlsx", type, table);
        assertThat(error(r, 415)).as(type).isEqualTo("Content-Type must be application/json, not '" + type + "'");
        assertSecurityHeaders(r, true);
      }
      assertThat(error(client.send("POST", "/api/export/xlsx", null, table), 415))
          .isEqualTo("Content-Type must be application/json, not ''");
      assertThat(client.send("POST", "/api/export/xlsx", "application/json; charset=utf-8", table).statusCode())
          .isEqualTo(200);
    });
  }

  @Test
  void a_body_that_is_not_a_json_object_is_400_never_500() throws Exception {
    serve(lake(), client -> {
      assertThat(error(client.send("POST", "/api/export/xlsx", "application/json", "null"), 400))
          .isEqualTo("body: a JSON object (title, source, snapshot, columns, rows) is expected");
      for (String body : List.of("[1, 2]", "\"text\"", "42", "", "{")) {
        HttpResponse<String> r = client.send("POST", "/api/export/xlsx", "application/json", body);
        assertThat(error(r, 400)).as(body).isNotBlank();
        assertSecurityHeaders(r, true);
      }
    });
  }

  /** Headers by lower-case name, without the ones that differ between two answers (Date). */
  private static Map<String, List<String>> headers(HttpResponse<?> r) {
    Map<String, List<String>> all = new TreeMap<>(r.headers().map());
    all.remove("date");
    return all;
  }
}
