package vn.danvan.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.danvan.bench.query.Latency;

/**
 * What one phase of the load measured: requests completed, errors (anything but a 200 answer read
 * to its end) with the first few messages, the wall time, and the latencies of the successful
 * requests (nearest-rank percentiles, as {@link Latency}), and the requests and errors of each
 * scope's users.
 */
record PhaseResult(String name, int users, double seconds, long requests, long errors, List<String> firstErrors,
    long[] nanos, Map<String, long[]> nanosByKind, Map<String, Tally> byScope) {

  /** One scope's users and what they sent: requests (errors included) and errors. */
  record Tally(int users, long requests, long errors) {}

  double requestsPerSecond() {
    return seconds <= 0 ? 0 : requests / seconds;
  }

  double percentileMillis(int percent) {
    return percentile(nanos, percent);
  }

  private static double percentile(long[] values, int percent) {
    if (values.length == 0) {
      return Double.NaN;
    }
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return Latency.nearestRank(sorted, percent) / 1e6;
  }

  String line() {
    return String.format(Locale.ROOT, "%-22s %5d users %7.1f s %8d req %8.1f req/s %6d errors   p50 %8.2f  p95 %8.2f"
        + "  p99 %8.2f ms", name, users, seconds, requests, requestsPerSecond(), errors, percentileMillis(50),
        percentileMillis(95), percentileMillis(99));
  }

  /** Requests and errors per scope, on one line. */
  String scopeLine() {
    StringBuilder line = new StringBuilder("    by scope:");
    byScope.forEach((scope, t) -> line.append(String.format(Locale.ROOT, "  %s %d users %d req %d errors", scope,
        t.users(), t.requests(), t.errors())));
    return line.toString();
  }

  List<String> kindLines() {
    List<String> out = new ArrayList<>();
    nanosByKind.forEach((kind, n) -> out.add(String.format(Locale.ROOT, "    %-20s %8d req   p50 %8.2f  p95 %8.2f ms",
        kind, n.length, percentile(n, 50), percentile(n, 95))));
    return out;
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("users", users);
    m.put("seconds", seconds);
    m.put("requests", requests);
    m.put("requests_per_second", requestsPerSecond());
    m.put("errors", errors);
    m.put("first_errors", firstErrors);
    m.put("p50_ms", percentileMillis(50));
    m.put("p95_ms", percentileMillis(95));
    m.put("p99_ms", percentileMillis(99));
    Map<String, Object> kinds = new LinkedHashMap<>();
    nanosByKind.forEach((kind, n) -> kinds.put(kind, Map.of("requests", n.length, "p50_ms", percentile(n, 50),
        "p95_ms", percentile(n, 95))));
    m.put("by_kind", kinds);
    Map<String, Object> scopes = new LinkedHashMap<>();
    byScope.forEach((scope, t) -> scopes.put(scope, Map.of("users", t.users(), "requests", t.requests(),
        "errors", t.errors())));
    m.put("by_scope", scopes);
    return m;
  }
}
