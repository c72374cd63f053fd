package vn.danvan.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.SnapshotId;
import vn.danvan.contract.Table;
import vn.danvan.etl.external.ExternalTables;
import vn.danvan.etl.lake.LakeLock;
import vn.danvan.etl.lake.Publisher;
import vn.danvan.etl.marts.MartsJob;
import vn.danvan.etl.marts.SurveyMart;

/**
 * The load: landing folder → new lake snapshot. Everything that can refuse the input is decided
 * before the lake is touched; then, under the lake's lock, every table is staged in
 * {@code _staging/<id>/} and the complete folder is published by rename. A load that fails or is
 * killed leaves the previous snapshot current and whole.
 */
public final class LoadJob {
  private LoadJob() {}

  /**
   * Runs one load and returns its report (also written into the snapshot).
   *
   * @throws LoadRefusedException when the input is refused; the lake is then untouched
   */
  public static LoadReport run(SparkSession spark, LoadConfig config, Progress progress) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(progress, "progress");
    Instant started = config.clock().instant();
    Landing landing = Landing.scan(config.landingDir());
    Lake lake = Lake.at(config.lakeDir());
    try (LakeLock lock = LakeLock.acquire(lake)) {
      Publisher.cleanStaging(lake);
      Optional<String> previous = lake.current();
      Path previousDir = previous.map(lake::snapshot).orElse(null);
      if (previousDir != null && !Files.isDirectory(previousDir)) {
        throw new IllegalStateException(lake.currentFile() + " names snapshot " + previous.get()
            + ", which is not in " + lake.snapshotsDir());
      }
      String id = SnapshotId.next(config.clock(), new SplittableRandom());
      Path staging = lake.staging(id);
      try {
        Files.createDirectories(staging);
        LoadReport report = stage(spark, config, landing, staging, previous.orElse(null), previousDir,
            id, started, progress);
        progress.phase("publishing");
        Publisher.publish(lake, id);
        progress.phase("published snapshot " + id);
        return report;
      } catch (IOException e) {
        deleteQuietly(staging, e);
        throw new UncheckedIOException("cannot create " + staging, e);
      } catch (Throwable e) { // Spark's checked exceptions arrive undeclared, through Scala
        deleteQuietly(staging, e);
        throw e;
      }
    }
  }

  private static LoadReport stage(SparkSession spark, LoadConfig config, Landing landing,
      Path staging, String previous, Path previousDir, String id, Instant started,
      Progress progress) {
    // Instants are written as such (TIMESTAMP_MICROS, UTC-adjusted), not as legacy INT96
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    // The checked frame of each table is cached for a few minutes at most: compressing the cache
    // costs more CPU than it saves
    String compressed = "spark.sql.inMemoryColumnarStorage.compressed";
    scala.Option<String> before = spark.conf().getOption(compressed);
    spark.conf().set(compressed, "false");
    try {
      return stageTables(spark, config, landing, staging, previous, previousDir, id, started, progress);
    } finally {
      if (before.isDefined()) {
        spark.conf().set(compressed, before.get());
      } else {
        spark.conf().unset(compressed);
      }
    }
  }

  private static LoadReport stageTables(SparkSession spark, LoadConfig config, Landing landing,
      Path staging, String previous, Path previousDir, String id, Instant started,
      Progress progress) {
    References references = References.staged(spark, staging);
    Map<Table, Long> previousRows = previousDir == null ? Map.of()
        : LoadReport.rowsInLake(Lake.report(previousDir));
    TableLoad.Context ctx = new TableLoad.Context(spark, staging, previousDir, previousRows,
        config.asOf(), Catalogue.indicators(), references, progress);
    Map<Table, Counts> counts = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      counts.put(table, TableLoad.load(ctx, table, landing.files(table)));
    }
    progress.phase("building marts");
    MartsJob.Counts marts = MartsJob.run(spark, staging, IndicatorCatalogue.load().all(),
        config.benchmark());
    progress.phase("marts: " + marts.indicatorValues() + " indicator values, "
        + marts.martRegions() + " regions, " + marts.postStats() + " post stats");
    // external indicators (danvan external import) are not in the landing: without this a load
    // would drop them; their restated values follow this snapshot's lineage and population
    long external = ExternalTables.carryForward(spark, previousDir, staging);
    if (external > 0) {
      progress.phase("external indicators carried forward: " + external + " mart rows");
    }
    progress.phase("survey estimates: " + SurveyMart.run(spark, staging, config.survey()) + " rows");
    LoadReport report = new LoadReport(id, previous, config.asOf(), config.landingDir(), started,
        config.clock().instant(), counts);
    report.write(Lake.report(staging));
    return report;
  }

  private static void deleteQuietly(Path staging, Throwable cause) {
    try {
      Publisher.deleteTree(staging);
    } catch (IOException | RuntimeException e) {
      // the next load cleans stale staging under the lock; the original failure is what matters
      cause.addSuppressed(e);
    }
  }
}
