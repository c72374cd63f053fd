package vn.danvan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.danvan.etl.contract.Table;
import vn.danvan.etl.generate.GenerateCommand;
import vn.danvan.etl.load.LoadCommand;

/**
 * The Spark load of generated CSV files beside DuckDB's own {@code COPY ... TO parquet} of the very
 * same files, in one run: rows/s per core and the time ratio. DuckDB only converts; the load also
 * validates, quarantines, merges and publishes, so the ratio is what all of that costs.
 */
@Command(name = "etl", mixinStandardHelpOptions = true,
    description = "ETL throughput: `load` of generated CSV beside DuckDB COPY to Parquet of the same files.")
final class EtlBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Option(names = "--scale", required = true, description = "demo data scale (rows grow linearly)")
  int scale;

  @Option(names = "--years", defaultValue = "2015-2025", description = "years to generate (default ${DEFAULT-VALUE})")
  String years;

  @Option(names = "--work", defaultValue = "data/bench", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--rounds", defaultValue = "1", description = "timed rounds of each side (best is reported)")
  int rounds;

  @Override
  public Integer call() throws Exception {
    Path landing = work.resolve("landing-scale-" + scale + "-" + years);
    if (!Files.isRegularFile(landing.resolve("_manifest.json"))) {
      long t0 = System.nanoTime();
      int exit = new CommandLine(new GenerateCommand()).execute("--out", landing.toString(),
          "--years", years, "--scale", String.valueOf(scale), "--format", "csv", "--seed", "1");
      if (exit != 0) {
        return exit;
      }
      System.out.printf(Locale.ROOT, "[bench] generated %s in %.1f s%n", landing, secondsSince(t0));
    }
    int cores = Runtime.getRuntime().availableProcessors();
    List<Double> duck = new ArrayList<>();
    List<Double> spark = new ArrayList<>();
    long rows = 0;
    for (int round = 1; round <= rounds; round++) {
      duck.add(DuckDbCopy.run(landing, work.resolve("duckdb-out"), cores));
      System.out.printf(Locale.ROOT, "[bench] round %d duckdb COPY: %.2f s%n", round, duck.get(duck.size() - 1));
      Path lake = work.resolve("lake-bench");
      deleteTree(lake);
      long t0 = System.nanoTime();
      int exit = new CommandLine(new LoadCommand()).execute(landing.toString(), "--lake", lake.toString());
      spark.add(secondsSince(t0));
      if (exit != 0) {
        return exit;
      }
      rows = rowsRead(lake);
      System.out.printf(Locale.ROOT, "[bench] round %d spark load: %.2f s%n", round, spark.get(spark.size() - 1));
    }
    double bestSpark = spark.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double bestDuck = duck.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    long peakRss = PeakMemory.peakRssBytes();
    ObjectNode result = JSON.createObjectNode();
    result.put("scale", scale).put("years", years).put("cores", cores).put("rows_read", rows)
        .put("spark_load_seconds", bestSpark).put("duckdb_copy_seconds", bestDuck)
        .put("rows_per_second", rows / bestSpark).put("rows_per_second_per_core", rows / bestSpark / cores)
        .put("duckdb_rows_per_second", rows / bestDuck).put("ratio_spark_to_duckdb", bestSpark / bestDuck)
        .put("peak_rss_bytes", peakRss)
        .put("peak_heap_bytes", PeakMemory.peakHeapBytes())
        .put("max_heap_bytes", Runtime.getRuntime().maxMemory())
        .put("jvm", ManagementFactory.getRuntimeMXBean().getVmVersion());
    Path out = work.resolve("bench-etl-scale-" + scale + ".json");
    Files.createDirectories(work);
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    System.out.printf(Locale.ROOT, """
        [bench] ETL, scale %d (%s), %d cores, %,d rows read
        [bench]   spark load   %8.2f s  %,12.0f rows/s  %,10.0f rows/s/core
        [bench]   duckdb COPY  %8.2f s  %,12.0f rows/s
        [bench]   ratio spark/duckdb = %.2f   (goal: <= 3.0; rows/s/core goal: >= 500,000)
        [bench]   peak RSS %,d MiB, peak heap %,d MiB   -> %s
        """, scale, years, cores, rows, bestSpark, rows / bestSpark, rows / bestSpark / cores,
        bestDuck, rows / bestDuck, bestSpark / bestDuck, peakRss >> 20, PeakMemory.peakHeapBytes() >> 20, out);
    return 0;
  }

  /** Rows read by the load, all tables: the number both sides processed. */
  private static long rowsRead(Path lake) throws IOException {
    String id = Files.readString(lake.resolve("CURRENT")).trim();
    JsonNode tables = JSON.readTree(lake.resolve("snapshots").resolve(id).resolve("_load_report.json").toFile())
        .path("tables");
    long rows = 0;
    for (Table table : Table.values()) {
      rows += tables.path(table.folder()).path("read").asLong(0);
    }
    return rows;
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
