package vn.danvan.bench.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.danvan.bench.query.SideBySide.KindResult;
import vn.danvan.bench.query.SideBySide.Outcome;

/** The bench's result: printed as one table per query kind, and written as JSON. */
final class QueryReport {
  static final String HTTP = "duckdb-http";
  static final String WAREHOUSE = "duckdb-sql";
  static final String POSTGRES = "postgres";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode json = JSON.createObjectNode();
  private final List<KindResult> kinds;

  QueryReport(Map<String, Object> header, List<KindResult> kinds) {
    this.kinds = List.copyOf(kinds);
    header.forEach((k, v) -> json.set(k, JSON.valueToTree(v)));
    ObjectNode byKind = json.putObject("queries");
    for (KindResult k : kinds) {
      ObjectNode node = byKind.putObject(k.kind().name().toLowerCase(Locale.ROOT));
      node.put("goal_p95_ms", k.kind().goalP95Millis()).put("goal_ratio_p95", QueryKind.RATIO_GOAL)
          .put("duckdb_side", primary(k.kind())).put("answers_agree", k.answersAgree());
      ObjectNode sides = node.putObject("sides");
      for (Outcome o : k.outcomes()) {
        ObjectNode s = sides.putObject(o.side());
        if (o.measured()) {
          s.put("runs", o.latency().runs()).put("p50_ms", o.latency().p50Millis())
              .put("p95_ms", o.latency().p95Millis()).put("max_ms", o.latency().maxMillis());
          Double toPostgres = ratio(k, o.side());
          if (toPostgres != null && !o.side().equals(POSTGRES)) {
            s.put("ratio_p95_to_postgres", toPostgres);
          }
        } else {
          s.put("error", o.error());
        }
      }
      k.answers().forEach((side, a) -> node.withObjectProperty("answers").putObject(side).put("rows", a.rows()).put("total", a.total()));
      Double ratio = ratio(k, primary(k.kind()));
      if (ratio != null) {
        node.put("ratio_p95_duckdb_to_postgres", ratio)
            .put("p95_goal_met", k.outcome(primary(k.kind())).latency().p95Millis() <= k.kind().goalP95Millis())
            .put("ratio_goal_met", ratio <= QueryKind.RATIO_GOAL);
      }
    }
  }

  /** The DuckDB figure the goals are about: over HTTP for the API reads, the SQL for the scan. */
  static String primary(QueryKind kind) {
    return kind == QueryKind.SCAN ? WAREHOUSE : HTTP;
  }

  /** True when every side of every kind was measured. */
  boolean complete() {
    return kinds.stream().allMatch(k -> k.outcomes().stream().allMatch(Outcome::measured));
  }

  void write(Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json);
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "[bench] %-9s %-12s %9s %9s %9s%n", "query", "engine", "p50 ms", "p95 ms", "max ms");
    for (KindResult k : kinds) {
      String label = k.kind().label();
      for (Outcome o : k.outcomes()) {
        if (o.measured()) {
          out.printf(Locale.ROOT, "[bench] %-9s %-12s %9.2f %9.2f %9.2f%n", label, o.side(),
              o.latency().p50Millis(), o.latency().p95Millis(), o.latency().maxMillis());
        } else {
          out.printf(Locale.ROOT, "[bench] %-9s %-12s not measured: %s%n", label, o.side(), o.error());
        }
        label = "";
      }
      Double ratio = ratio(k, primary(k.kind()));
      Double engineRatio = ratio(k, WAREHOUSE);
      if (ratio == null && engineRatio != null) {
        out.printf(Locale.ROOT, "[bench] %-9s goals not judged: %s not measured; engine only: %s/postgres p95 = %.2f%n",
            "", primary(k.kind()), WAREHOUSE, engineRatio);
      }
      if (ratio != null) {
        double p95 = k.outcome(primary(k.kind())).latency().p95Millis();
        out.printf(Locale.ROOT, "[bench] %-9s p95 %s %.2f ms (goal <= %.0f ms: %s); %s/postgres p95 = %.2f "
            + "(goal <= %.2f: %s)%n", "", primary(k.kind()), p95, k.kind().goalP95Millis(), yesNo(p95 <= k.kind().goalP95Millis()),
            primary(k.kind()), ratio, QueryKind.RATIO_GOAL, yesNo(ratio <= QueryKind.RATIO_GOAL));
      }
      if (k.answersAgree() && !k.answers().isEmpty()) {
        out.printf("[bench] %-9s answers agree on run 0: %s%n", "", k.answers());
      }
      if (!k.answersAgree()) {
        out.printf("[bench] %-9s WARNING: the engines' answers differ: %s%n", "", k.answers());
      }
    }
  }

  /** p95 of {@code side} over PostgreSQL's, when both were measured. */
  private static Double ratio(KindResult k, String side) {
    if (k.outcomes().stream().noneMatch(o -> o.side().equals(side))) {
      return null;
    }
    Outcome duck = k.outcome(side);
    Outcome pg = k.outcome(POSTGRES);
    if (!duck.measured() || !pg.measured()) {
      return null;
    }
    return duck.latency().p95Millis() / pg.latency().p95Millis();
  }

  private static String yesNo(boolean b) {
    return b ? "yes" : "NO";
  }
}
