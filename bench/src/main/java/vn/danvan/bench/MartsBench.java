package vn.danvan.bench;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.Table;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.etl.cli.SparkSessions;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.Typing;
import vn.danvan.etl.marts.MartsJob;

/**
 * The marts step of a load on its own, over the tables of a lake's CURRENT snapshot (linked, not
 * copied, into a work folder), beside the floor of what it must do in the same Spark session: read
 * the fact tables and add them up per region and month. With {@code --check}, the rebuilt
 * marts are compared with the snapshot's own, row by row.
 */
@Command(name = "marts", mixinStandardHelpOptions = true,
    description = "Marts build time over a lake's CURRENT snapshot, beside a plain scan-and-sum of its facts.")
final class MartsBench implements Callable<Integer> {
  /** The floor: each fact table added up per region and month (post metrics per post). */
  private static final Map<Table, List<String>> FLOOR = Map.of(
      Table.ACTIVITIES, List.of("region_code", "trunc(start_date, 'month')"),
      Table.MODELS, List.of("region_code", "year"),
      Table.POSTS, List.of("region_code", "trunc(published_date, 'month')"),
      Table.POST_METRICS, List.of("post_id"),
      Table.REPORT_VALUES, List.of("region_code", "indicator", "period_start"));

  @Mixin LakeOption lakeOption;

  @Option(names = "--work", defaultValue = "data/bench/marts", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  @Option(names = "--check", description = "compare the rebuilt marts with the snapshot's own")
  boolean check;

  @Override
  public Integer call() throws Exception {
    Lake lake = Lake.at(lakeOption.folder());
    Path snapshot = lake.currentSnapshot().orElseThrow(() -> new IllegalStateException(lake + " has no snapshot"));
    Path staging = work.resolve("snapshot");
    EtlBench.deleteTree(work);
    Files.createDirectories(staging);
    for (Table t : Table.values()) {
      Path dir = Lake.table(snapshot, t);
      if (Files.isDirectory(dir)) {
        Files.createSymbolicLink(Lake.table(staging, t), dir.toAbsolutePath());
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    SparkSession spark = SparkSessions.local(SparkSession.builder().appName("danvan bench marts").master("local[*]")
        .config("spark.sql.session.timeZone", Typing.VIETNAM.getId())).getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    try {
      long t0 = System.nanoTime();
      long floorRows = 0;
      for (var e : FLOOR.entrySet()) {
        floorRows += spark.read().parquet(Lake.table(snapshot, e.getKey()).toString())
            .groupBy(e.getValue().stream().map(functions::expr).toArray(Column[]::new))
            .agg(count("*")).count();
      }
      double floor = EtlBench.secondsSince(t0);
      // the shuffle partitions a full load's marts run with over these tables (with the
      // session's 4, the roll-up's tasks each held a quarter of scale 20's groups: 58 s of pauses)
      long rows = LoadReport.rowsInLake(Lake.report(snapshot)).values().stream().mapToLong(Long::longValue).sum();
      int partitions = LoadJob.martPartitions(spark, rows);
      spark.conf().set("spark.sql.shuffle.partitions", String.valueOf(partitions));
      long t1 = System.nanoTime();
      MartsJob.Counts counts = MartsJob.run(spark, staging, IndicatorCatalogue.load().all());
      double marts = EtlBench.secondsSince(t1);
      System.out.printf(Locale.ROOT, """
          [bench] marts over %s, %d cores, %d shuffle partitions (a full load's for its %,d rows)
          [bench]   marts build      %8.1f s   %,d indicator_values rows, %,d mart_regions rows
          [bench]   scan-and-sum     %8.1f s   (record tables per region and month: %,d groups)
          [bench]   ratio marts/scan = %.1f   peak RSS %,d MiB
          """, snapshot, cores, partitions, rows, marts, counts.indicatorValues(), counts.martRegions(), floor, floorRows,
          marts / floor, PeakMemory.peakRssBytes() >> 20);
      return check ? compare(spark, snapshot, staging) : 0;
    } finally {
      spark.stop();
    }
  }

  /** Row by row: the same keys on both sides and values equal to 1e-9 relative. */
  private static int compare(SparkSession spark, Path snapshot, Path staging) {
    String[] keys = {"indicator", "boundaries", "level", "region_code", "grain", "period"};
    Dataset<Row> a = spark.read().parquet(snapshot.resolve(MartsJob.INDICATOR_VALUES).toString()).as("a");
    Dataset<Row> b = spark.read().parquet(staging.resolve(MartsJob.INDICATOR_VALUES).toString()).as("b");
    Column on = null;
    for (String k : keys) {
      Column eq = col("a." + k).equalTo(col("b." + k));
      on = on == null ? eq : on.and(eq);
    }
    Column differs = abs(col("a.value").minus(col("b.value")))
        .gt(abs(col("a.value")).multiply(1e-9).plus(1e-9))
        .or(col("a.source").notEqual(col("b.source"))).or(col("a.exact").notEqual(col("b.exact")))
        .or(col("a.method").eqNullSafe(col("b.method")).unary_$bang());
    Row r = a.join(b, on, "full_outer").agg(count(when(col("a.value").isNull(), 1)).as("only_new"),
        count(when(col("b.value").isNull(), 1)).as("only_old"),
        count(when(col("a.value").isNotNull().and(col("b.value").isNotNull()).and(differs), 1)).as("differ"),
        max(abs(col("a.value").minus(col("b.value")))).as("max_diff"), sum(when(col("a.value").isNotNull(), 1)).as("rows"))
        .first();
    System.out.printf(Locale.ROOT, "[bench]   check against the snapshot's marts: %d rows, only rebuilt %d, only "
        + "snapshot %d, differing %d, max |difference| %s%n", r.getLong(4), r.getLong(0), r.getLong(1), r.getLong(2),
        r.get(3));
    return r.getLong(0) + r.getLong(1) + r.getLong(2) == 0 ? 0 : 1;
  }
}
