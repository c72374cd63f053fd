package vn.danvan.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The dashboard as a user's browser meets it: {@code GET /api/series} and {@code GET /api/map}
 * over HTTP/1.1 with keep-alive against the real server, timed until the JSON is read and parsed.
 */
final class DashboardSide {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String token;

  /**
   * @param baseUrl the server's root, e.g. {@code http://127.0.0.1:41234/}
   * @param token the API token every request is signed in with ({@code Authorization: Bearer})
   */
  DashboardSide(String baseUrl, String token) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.token = Objects.requireNonNull(token, "token");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  static String seriesPath(Workload w, int i) {
    return "/api/series?indicator=" + enc(w.indicator(i)) + "&region=" + enc(w.regionList())
        + "&from=" + w.fromYear() + "&to=" + w.toYear() + "&grain=" + Workload.GRAIN
        + "&boundaries=" + enc(w.boundaries());
  }

  static String mapPath(Workload w, int i) {
    return "/api/map?indicator=" + enc(w.indicator(i)) + "&year=" + w.mapYear() + "&level="
        + enc(w.mapLevel()) + "&boundaries=" + enc(w.boundaries());
  }

  TimedQuery series(Workload w) {
    return i -> get(seriesPath(w, i));
  }

  TimedQuery map(Workload w) {
    return i -> get(mapPath(w, i));
  }

  private Answer get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      String body = response.body();
      throw new IOException("GET " + pathAndQuery + " answered " + response.statusCode() + ": "
          + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
    }
    return answer(JSON.readTree(response.body()));
  }

  /** Rows = figures present (no-data points and regions are listed by the API but are not rows). */
  static Answer answer(JsonNode body) {
    List<JsonNode> values = new ArrayList<>();
    if (body.has("series")) {
      body.get("series").forEach(s -> s.get("points").forEach(values::add));
    } else {
      body.get("values").forEach(values::add);
    }
    return Answer.of(values.stream().map(v -> v.hasNonNull("value") ? v.get("value").asDouble() : null));
  }

  private static String enc(String value) {
    // commas stay readable; they separate region codes and need no escaping in a query string
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2C", ",");
  }
}
