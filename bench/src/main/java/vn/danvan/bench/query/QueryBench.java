package vn.danvan.bench.query;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.bench.query.SideBySide.KindResult;
import vn.danvan.bench.query.SideBySide.Side;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.dashboard.DashboardServer;

/**
 * The dashboard's reads on the lake's CURRENT snapshot beside PostgreSQL holding the same marts:
 * {@code /api/series} and {@code /api/map} over HTTP against the real server in this process, a
 * raw trend scan of the fact Parquet files through the warehouse, and the equivalent SQL on a
 * fresh, indexed PostgreSQL cluster that the bench starts on 127.0.0.1 and removes afterwards.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
    description = "Query latency: /api/series, /api/map and a raw-fact scan (DuckDB warehouse) beside "
        + "PostgreSQL loaded with the same marts.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:every read measured on both engines", "1:a read could not be measured (see the table)",
        "2:PostgreSQL not installed, or the lake has no snapshot with marts"})
public final class QueryBench implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Option(names = "--runs", defaultValue = "100", description = "Timed runs of series and map per engine (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--scan-runs", defaultValue = "30", description = "Timed runs of the raw scan per engine (default ${DEFAULT-VALUE}; its warm-up is at most 3).")
  int scanRuns;

  @Option(names = "--warmup", defaultValue = "10", description = "Untimed runs first, per engine and query (default ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--indicators", defaultValue = "8", description = "Indicators rotated over (default ${DEFAULT-VALUE}).")
  int indicators;

  @Option(names = "--pg-port", defaultValue = "0", description = "PostgreSQL port on 127.0.0.1 (default: a free one).")
  int pgPort;

  @Option(names = "--out", defaultValue = "data/bench/bench-query.json", description = "JSON result (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Optional<Path> pgBin = PostgresCluster.installedBin();
    if (pgBin.isEmpty()) {
      System.err.println("[bench] PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Install it with:\n"
          + "  " + PostgresCluster.INSTALL_HINT);
      return 2;
    }
    Lake theLake = Lake.at(lakeDir());
    Optional<SnapshotRef> snapshot = theLake.published();
    if (snapshot.isEmpty()) {
      System.err.println("[bench] no snapshot is published in " + theLake.root() + " (no CURRENT): run a load first");
      return 2;
    }
    for (LakeTable mart : List.of(LakeTable.INDICATOR_VALUES, LakeTable.MART_REGIONS, LakeTable.ACTIVITIES)) {
      if (!Files.isDirectory(snapshot.get().tableDir(mart))) {
        System.err.println("[bench] snapshot " + snapshot.get().id() + " has no " + mart.folder()
            + " folder; the marts come from a load that computes them (docs/marts.md)");
        return 2;
      }
    }
    try (DashboardServer server = DashboardServer.start(theLake, "127.0.0.1", 0, Duration.ofHours(24),
        BenchAccess.control())) {
      WarehouseSide warehouse = new WarehouseSide(server.warehouse());
      Map<LakeTable, Long> counts = warehouse.tableCounts();
      Workload workload = warehouse.workload(indicators, 8);
      System.out.printf(Locale.ROOT, "[bench] dashboard at %s, snapshot %s; %d series regions, indicators %s%n",
          server.url(), snapshot.get().id(), workload.regions().size(), workload.indicators());
      try (PostgresCluster pg = PostgresCluster.start(pgBin.get(), pgPort, resource("postgresql-bench.conf"))) {
        Thread hook = new Thread(pg::close, "bench-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.printf("[bench] postgres %s on 127.0.0.1:%d (pid %s), loading...%n", pgBin.get(), pg.port(),
            pg.pid().map(String::valueOf).orElse("?"));
        PostgresLoader.Loaded loaded = PostgresLoader.load(snapshot.get(), pg);
        System.out.printf(Locale.ROOT, "[bench] postgres loaded: export %.1f s, copy %.1f s, indexes + vacuum %.1f s%n",
            loaded.exportSeconds(), loaded.copySeconds(), loaded.indexSeconds());
        QueryReport report;
        try (PostgresSide postgres = new PostgresSide(pg.connect())) {
          List<KindResult> results = measure(workload, new DashboardSide(server.url(), BenchAccess.TOKEN), warehouse, postgres);
          report = new QueryReport(header(snapshot.get(), counts, loaded, workload, postgres.version()), results);
        }
        pg.close();
        Runtime.getRuntime().removeShutdownHook(hook);
        printCounts(counts);
        report.print(System.out);
        report.write(out);
        System.out.println("[bench] -> " + out);
        return report.complete() ? 0 : 1;
      }
    }
  }

  private List<KindResult> measure(Workload w, DashboardSide http, WarehouseSide duck, PostgresSide pg)
      throws Exception {
    SideBySide race = SideBySide.withSystemClock();
    List<KindResult> results = new ArrayList<>();
    System.out.println("[bench] timing series...");
    results.add(race.run(QueryKind.SERIES, List.of(new Side(QueryReport.HTTP, http.series(w)),
        new Side(QueryReport.WAREHOUSE, duck.series(w)), new Side(QueryReport.POSTGRES, pg.series(w))), warmup, runs));
    System.out.println("[bench] timing map...");
    results.add(race.run(QueryKind.MAP, List.of(new Side(QueryReport.HTTP, http.map(w)),
        new Side(QueryReport.WAREHOUSE, duck.map(w)), new Side(QueryReport.POSTGRES, pg.map(w))), warmup, runs));
    System.out.println("[bench] timing raw scan...");
    results.add(race.run(QueryKind.SCAN, List.of(new Side(QueryReport.WAREHOUSE, duck.scan(w)),
        new Side(QueryReport.POSTGRES, pg.scan(w))), Math.min(warmup, 3), scanRuns));
    return results;
  }

  private Map<String, Object> header(SnapshotRef snapshot, Map<LakeTable, Long> counts,
      PostgresLoader.Loaded loaded, Workload w, String pgVersion) {
    Map<String, Object> facts = new LinkedHashMap<>();
    Map<String, Object> marts = new LinkedHashMap<>();
    counts.forEach((t, n) -> {
      if (t.partitionedByYear()) {
        facts.put(t.folder(), n);
      } else if (t == LakeTable.INDICATOR_VALUES || t == LakeTable.MART_REGIONS) {
        marts.put(t.folder(), n);
      }
    });
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("lake", lakeDir().toAbsolutePath().toString());
    h.put("snapshot", snapshot.id());
    h.put("cores", Runtime.getRuntime().availableProcessors());
    h.put("jvm", ManagementFactory.getRuntimeMXBean().getVmVersion());
    h.put("postgres_version", pgVersion);
    h.put("runs", runs);
    h.put("scan_runs", scanRuns);
    h.put("warmup", warmup);
    h.put("fact_rows_total", facts.values().stream().mapToLong(n -> (Long) n).sum());
    h.put("fact_rows", facts);
    h.put("mart_rows", marts);
    h.put("postgres_rows", loaded.rows());
    Map<String, Object> load = new LinkedHashMap<>();
    load.put("export", loaded.exportSeconds());
    load.put("copy", loaded.copySeconds());
    load.put("index_and_vacuum", loaded.indexSeconds());
    h.put("postgres_load_seconds", load);
    Map<String, Object> work = new LinkedHashMap<>();
    work.put("series_path", DashboardSide.seriesPath(w, 0));
    work.put("map_path", DashboardSide.mapPath(w, 0));
    work.put("indicators", w.indicators());
    work.put("activity_types", w.activityTypes());
    h.put("workload", work);
    return h;
  }

  private static void printCounts(Map<LakeTable, Long> counts) {
    long facts = counts.entrySet().stream().filter(e -> e.getKey().partitionedByYear()).mapToLong(Map.Entry::getValue).sum();
    System.out.printf(Locale.ROOT, "[bench] lake: %,d fact rows (activities %,d); marts: indicator_values %,d rows, "
        + "mart_regions %,d rows%n", facts, counts.getOrDefault(LakeTable.ACTIVITIES, 0L),
        counts.getOrDefault(LakeTable.INDICATOR_VALUES, 0L), counts.getOrDefault(LakeTable.MART_REGIONS, 0L));
  }

  private Path lakeDir() {
    return lake.folder();
  }

  private static String resource(String name) throws IOException {
    String path = QueryBench.class.getPackageName().replace('.', '/') + "/" + name;
    try (InputStream in = QueryBench.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource not found on the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
