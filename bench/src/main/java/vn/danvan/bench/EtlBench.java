package vn.danvan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.Table;
import vn.danvan.etl.cli.LoadCommand;
import vn.danvan.etl.cli.SpillMeter;
import vn.danvan.etl.generate.GenerateCommand;

/**
 * The Spark load of generated CSV files beside DuckDB's own {@code COPY ... TO parquet} of the very
 * same files, in one run: rows/s per core and the time ratio. DuckDB only converts; the load also
 * validates, quarantines, merges and publishes, so the ratio is what all of that costs. With
 * {@code --outreach} only the outreach tables at their hourly-then-daily cadence; with {@code --curve}
 * the same at 1x, 4x and 16x the scale, to show how the time grows with the rows.
 */
@Command(name = "etl", mixinStandardHelpOptions = true,
    description = "ETL throughput: `load` of generated CSV beside DuckDB COPY to Parquet of the same files.")
final class EtlBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--scale", required = true, description = "demo data scale (rows grow linearly; decimals allowed)")
  double scale;

  @Option(names = "--years", defaultValue = "2015-2025", description = "years to generate (default ${DEFAULT-VALUE})")
  String years;

  @Option(names = "--work", defaultValue = "data/bench", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--rounds", defaultValue = "1", description = "timed rounds of each side (best is reported)")
  int rounds;

  @Option(names = "--outreach", description = "outreach only: regions, posts and hourly-then-daily post_metrics"
      + " (53 snapshots per post, ~10 M metric rows per scale unit); the load builds post_stats and the marts")
  boolean outreach;

  @Option(names = "--curve", description = "also 4x and 16x the scale: how time grows with rows")
  boolean curve;

  @Option(names = "--keep-lake", description = "keep the last load's lake (WORK/lake-bench), e.g. to time queries on it")
  boolean keepLake;

  /** Tables of the outreach landing: the posts need their regions to be valid. */
  private static final Set<String> OUTREACH = Set.of(Table.REGIONS.folder(), Table.REGION_LINEAGE.folder(),
      Table.POSTS.folder(), Table.POST_METRICS.folder());

  /** One timed size: rows both sides read, the best time of each, and the peak memory so far. */
  record Point(double scale, long rows, long metricRows, double sparkSeconds, double duckSeconds, long peakRss,
      double tablesSeconds, double martsSeconds, SpillMeter.Spill spill, double sparkCopySeconds,
      double checkedReadSeconds, JvmTime jvm) {}

  @Override
  public Integer call() throws Exception {
    int cores = Runtime.getRuntime().availableProcessors();
    SpillMeter.install();
    PeakMemory.watchHeap();
    List<Point> points = new ArrayList<>();
    for (double s : curve ? new double[] {scale, 4 * scale, 16 * scale} : new double[] {scale}) {
      Point p = point(s, cores);
      if (p == null) {
        return 1;
      }
      points.add(p);
    }
    ArrayNode results = JSON.createArrayNode();
    StringBuilder table = new StringBuilder();
    Point first = points.get(0);
    for (Point p : points) {
      results.add(JSON.createObjectNode().put("scale", p.scale()).put("years", years).put("cores", cores)
          .put("outreach", outreach).put("rows_read", p.rows()).put("post_metrics_rows", p.metricRows())
          .put("spark_load_seconds", p.sparkSeconds()).put("duckdb_copy_seconds", p.duckSeconds())
          .put("rows_per_second", p.rows() / p.sparkSeconds())
          .put("rows_per_second_per_core", p.rows() / p.sparkSeconds() / cores)
          .put("duckdb_rows_per_second", p.rows() / p.duckSeconds())
          .put("ratio_spark_to_duckdb", p.sparkSeconds() / p.duckSeconds())
          .put("tables_seconds", p.tablesSeconds()).put("marts_seconds", p.martsSeconds())
          .put("ratio_tables_to_duckdb", p.tablesSeconds() / p.duckSeconds())
          .put("spark_copy_seconds", p.sparkCopySeconds())
          .put("ratio_spark_copy_to_duckdb", p.sparkCopySeconds() / p.duckSeconds())
          .put("ratio_tables_to_spark_copy", p.tablesSeconds() / p.sparkCopySeconds())
          .put("checked_read_seconds", p.checkedReadSeconds())
          .put("ratio_checked_read_to_duckdb", p.checkedReadSeconds() / p.duckSeconds())
          .put("ratio_tables_to_checked_read", p.tablesSeconds() / p.checkedReadSeconds())
          .put("peak_rss_bytes_so_far", p.peakRss()).put("spilled_sort_bytes", p.spill().sortBytes())
          .put("cached_blocks_on_disk", p.spill().cachedBlocks()).put("cached_bytes_on_disk", p.spill().cachedBytes())
          .put("load_cpu_seconds", p.jvm().cpuSeconds()).put("load_jit_seconds", p.jvm().jitSeconds())
          .put("load_gc_seconds", p.jvm().gcSeconds()));
      table.append(String.format(Locale.ROOT,
          "[bench]   %7.2f  %,13d  %,13d  %9.1f s  %,10.0f  %8.1f s  %5.2f   rows x%-6.2f time x%-6.2f  %,7d MiB%n",
          p.scale(), p.rows(), p.metricRows(), p.sparkSeconds(), p.rows() / p.sparkSeconds() / cores,
          p.duckSeconds(), p.sparkSeconds() / p.duckSeconds(), (double) p.rows() / first.rows(),
          p.sparkSeconds() / first.sparkSeconds(), p.peakRss() >> 20));
      table.append(String.format(Locale.ROOT,
          "[bench]            of which the tables %.1f s (%.2f x DuckDB, goal <= 3), the marts %.1f s; "
              + "the whole load %.2f x DuckDB (goal <= 6)%n", p.tablesSeconds(), p.tablesSeconds() / p.duckSeconds(),
          p.martsSeconds(), p.sparkSeconds() / p.duckSeconds()));
      table.append(String.format(Locale.ROOT,
          "[bench]            Spark's own CSV -> Parquet of the same files (text columns, no check) %.1f s: "
              + "%.2f x DuckDB; the tables' part is %.2f x that%n", p.sparkCopySeconds(),
          p.sparkCopySeconds() / p.duckSeconds(), p.tablesSeconds() / p.sparkCopySeconds()));
      table.append(String.format(Locale.ROOT,
          "[bench]            Spark reading and checking the same files as the load does (every check, no "
              + "duplicate search, no cache, no write) %.1f s: %.2f x DuckDB; the tables' part is %.2f x that%n",
          p.checkedReadSeconds(), p.checkedReadSeconds() / p.duckSeconds(), p.tablesSeconds() / p.checkedReadSeconds()));
      table.append(String.format(Locale.ROOT,
          "[bench]            the load's JVM used %.1f CPU-s of %.1f (%d cores x %.1f s); of them the JIT "
              + "compiling %.1f s, the garbage collectors %.1f s%n", p.jvm().cpuSeconds(), cores * p.sparkSeconds(),
          cores, p.sparkSeconds(), p.jvm().jitSeconds(), p.jvm().gcSeconds()));
      table.append(String.format(Locale.ROOT, "[bench]            spilled to disk: %s%n", p.spill().none()
          ? "nothing (no sort or aggregation spilled, every cached block stayed in memory)"
          : String.format(Locale.ROOT, "sorts and aggregations %,d MiB; %d cached blocks, %,d MiB",
              p.spill().sortBytes() >> 20, p.spill().cachedBlocks(), p.spill().cachedBytes() >> 20)));
    }
    ObjectNode result = JSON.createObjectNode();
    result.set("points", results);
    result.put("peak_heap_bytes", PeakMemory.peakHeapBytes()).put("max_heap_bytes", PeakMemory.maxHeapBytes())
        .put("jvm", ManagementFactory.getRuntimeMXBean().getVmVersion());
    Path out = work.resolve("bench-etl" + (outreach ? "-outreach" : "") + "-scale-" + label(scale)
        + (curve ? "-curve" : "") + ".json");
    Files.createDirectories(work);
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    System.out.printf(Locale.ROOT, """
        [bench] ETL%s, %s, %d cores (goal: >= 500,000 rows/s/core; spark/duckdb <= 3.0)
        [bench]     scale      rows read  post_metrics    spark load  rows/s/core  duckdb COPY  ratio  growth                        peak RSS
        %s[bench]   peak heap %,d MiB of %,d MiB   -> %s
        """, outreach ? " (outreach: regions, posts, hourly post_metrics)" : "", years, cores, table,
        PeakMemory.peakHeapBytes() >> 20, PeakMemory.maxHeapBytes() >> 20, out);
    return 0;
  }

  private Point point(double s, int cores) throws Exception {
    Path landing = landing(work, s, years, outreach);
    if (landing == null) {
      return null;
    }
    List<Double> duck = new ArrayList<>();
    List<Double> spark = new ArrayList<>();
    List<Double> sparkCopy = new ArrayList<>();
    List<Double> checkedRead = new ArrayList<>();
    double[] parts = {Double.NaN, Double.NaN};
    long[] rows = {0, 0};
    SpillMeter.Spill spill = null;
    JvmTime jvm = null;
    for (int round = 1; round <= rounds; round++) {
      duck.add(DuckDbCopy.run(landing, work.resolve("duckdb-out"), cores));
      System.out.printf(Locale.ROOT, "[bench] scale %s round %d duckdb COPY: %.2f s%n", label(s), round,
          duck.get(duck.size() - 1));
      Path lake = work.resolve("lake-bench");
      deleteTree(lake);
      SpillMeter.take();
      JvmTime before = JvmTime.now();
      long t0 = System.nanoTime();
      int exit = new CommandLine(new LoadCommand()).execute(landing.toString(), "--lake", lake.toString());
      spark.add(secondsSince(t0));
      JvmTime spent = JvmTime.since(before);
      SpillMeter.Spill spilled = SpillMeter.take();
      if (spill == null || spilled.sortBytes() + spilled.cachedBytes() > spill.sortBytes() + spill.cachedBytes()) {
        spill = spilled; // the round that spilled most
      }
      if (exit != 0) {
        return null;
      }
      JsonNode report = report(lake);
      rows = rowsRead(report);
      if (spark.get(spark.size() - 1) <= best(spark)) {
        parts = stageSeconds(report); // of the best round, as the time reported
        jvm = spent;
      }
      System.out.printf(Locale.ROOT, "[bench] scale %s round %d spark load: %.2f s%n", label(s), round,
          spark.get(spark.size() - 1));
      // in a session of its own, against the references the load published
      checkedRead.add(CheckedReadPeer.run(landing, Lake.at(lake).currentSnapshot().orElseThrow(), report));
      System.out.printf(Locale.ROOT, "[bench] scale %s round %d spark checked read: %.2f s%n", label(s), round,
          checkedRead.get(checkedRead.size() - 1));
      if (!keepLake) {
        deleteTree(lake);
      }
      // after the load, in a session of its own: the JVM is warm, so this peer is if anything quick
      sparkCopy.add(SparkCopy.run(landing, work.resolve("spark-copy-out")));
      System.out.printf(Locale.ROOT, "[bench] scale %s round %d spark CSV -> Parquet: %.2f s%n", label(s), round,
          sparkCopy.get(sparkCopy.size() - 1));
    }
    deleteTree(work.resolve("duckdb-out"));
    return new Point(s, rows[0], rows[1], best(spark), best(duck), PeakMemory.peakRssBytes(),
        parts[0], parts[1], spill, best(sparkCopy), best(checkedRead), jvm);
  }

  /** The quickest of a side's rounds. */
  private static double best(List<Double> seconds) {
    return seconds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  /**
   * The demo landing of a scale ({@code WORK/landing-scale-N-YEARS}), generated (CSV, seed 1)
   * unless a complete one is there; null when generating fails.
   */
  static Path landing(Path work, double s, String years, boolean outreach) throws IOException {
    Path landing = work.resolve("landing-" + (outreach ? "outreach-" : "") + "scale-" + label(s) + "-" + years);
    if (!Files.isRegularFile(landing.resolve("_manifest.json"))) {
      long t0 = System.nanoTime();
      int exit = new CommandLine(new GenerateCommand()).execute("--out", landing.toString(),
          "--years", years, "--scale", String.valueOf(s), "--format", "csv", "--seed", "1",
          "--snapshots", outreach ? "hourly" : "sparse");
      if (exit != 0) {
        return null;
      }
      if (outreach) {
        try (Stream<Path> folders = Files.list(landing)) {
          for (Path f : folders.filter(Files::isDirectory).toList()) {
            if (!OUTREACH.contains(f.getFileName().toString())) {
              deleteTree(f);
            }
          }
        }
      }
      System.out.printf(Locale.ROOT, "[bench] generated %s in %.1f s%n", landing, secondsSince(t0));
    }
    return landing;
  }

  static String label(double s) {
    return s == Math.rint(s) ? String.valueOf((long) s) : String.valueOf(s);
  }

  /** The report of the load that made the lake's current snapshot. */
  static JsonNode report(Path lake) {
    Lake l = Lake.at(lake);
    String id = l.current().orElseThrow(() -> new IllegalStateException(lake + " has no snapshot"));
    return l.loadReport(new SnapshotRef(id, l.snapshot(id)))
        .orElseThrow(() -> new IllegalStateException("snapshot " + id + " has no load report"));
  }

  /** Rows read by the load, all tables (the number both sides processed), and of post_metrics. */
  private static long[] rowsRead(JsonNode report) {
    JsonNode tables = report.path("tables");
    long rows = 0;
    for (Table table : Table.values()) {
      rows += tables.path(table.folder()).path("read").asLong(0);
    }
    return new long[] {rows, tables.path(Table.POST_METRICS.folder()).path("read").asLong(0)};
  }

  /** The seconds the load's report gives its tables and its marts. */
  private static double[] stageSeconds(JsonNode report) {
    JsonNode seconds = report.path(LoadReport.SECONDS);
    return new double[] {seconds.path("tables").asDouble(Double.NaN), seconds.path("marts").asDouble(Double.NaN)};
  }

  static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  static void deleteTree(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }
}
