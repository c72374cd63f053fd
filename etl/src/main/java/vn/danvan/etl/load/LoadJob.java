package vn.danvan.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.SnapshotId;
import vn.danvan.contract.Table;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.etl.external.ExternalTables;
import vn.danvan.contract.LakeLock;
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
      Publisher.clearLeftovers(lake);
      return publish(spark, config, progress, lake, started, work -> new Input(landing, Map.of()))
          .orElseThrow();
    }
  }

  /** What a load reads: the landing, and the submission each file prefix belongs to (none for a folder). */
  record Input(Landing landing, Map<String, String> submissionByPrefix) {}

  /**
   * Loads every pending submission of the lake in one load, exactly as a landing folder: under the
   * lock, each submission's files are copied into a landing folder of their own in {@code
   * _staging/} and scanned; a submission the scan refuses (a personal-data column, a file that
   * cannot be read) is recorded as refused with the reason ({@code refused} is told) and left out;
   * the rest are loaded together. The report lists each loaded submission with its rows per table,
   * so publishing the snapshot is what marks them loaded: a load that fails or is killed leaves
   * them pending, and the next one loads them.
   *
   * @return the report, or empty when nothing was pending (or every pending one was refused): no
   *     snapshot is made
   */
  public static Optional<LoadReport> runSubmissions(SparkSession spark, LoadConfig config, Progress progress,
      java.util.function.BiConsumer<Submission, String> refused) {
    Objects.requireNonNull(refused, "refused");
    Instant started = config.clock().instant();
    Lake lake = Lake.at(config.lakeDir());
    Submissions store = Submissions.of(lake);
    try (LakeLock lock = LakeLock.acquire(lake)) {
      Publisher.clearLeftovers(lake);
      return publish(spark, config, progress, lake, started, work -> {
        Map<String, Landing> accepted = new java.util.LinkedHashMap<>();
        Map<String, String> byPrefix = new java.util.LinkedHashMap<>();
        // newest first: of two submissions giving the same key, the newer one's row lands, as it
        // would had they been loaded one after the other
        List<Submission> pending = new java.util.ArrayList<>(store.pending());
        java.util.Collections.reverse(pending);
        for (Submission s : pending) {
          Path folder = work.resolve(s.id());
          try {
            for (Submission.File f : s.files()) {
              Path copy = folder.resolve(f.table().folder()).resolve(f.name());
              Files.createDirectories(copy.getParent());
              Files.copy(store.file(s, f), copy);
            }
            accepted.put(s.id(), Landing.scan(folder));
            byPrefix.put(s.id() + "/", s.id());
          } catch (LoadRefusedException e) {
            String why = e.getMessage().replace(folder + "/", "").replaceFirst("^refused ", "")
                .replace("; nothing of this load was written", "");
            store.refuse(s.id(), why, config.clock().instant());
            refused.accept(s, why);
            progress.done("submission " + s.id() + " refused: " + why);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot stage submission " + s.id(), e);
          }
        }
        if (accepted.isEmpty()) {
          return null;
        }
        progress.done("submissions: " + String.join(", ", accepted.keySet()));
        return new Input(Landing.merge(accepted), byPrefix);
      });
    }
  }

  /**
   * The load itself, under the lock: stage every table into a new snapshot, then publish it. The
   * input is prepared in a work folder beside the staged snapshot ({@code _staging/<id>.work},
   * never published; UTF-16 files are read from their UTF-8 copies there); a null input publishes
   * nothing.
   */
  private static Optional<LoadReport> publish(SparkSession spark, LoadConfig config, Progress progress,
      Lake lake, Instant started, java.util.function.Function<Path, Input> prepare) {
    Optional<String> previous = lake.current();
    Path previousDir = previous.map(lake::snapshot).orElse(null);
    if (previousDir != null && !Files.isDirectory(previousDir)) {
      throw new IllegalStateException(lake.currentFile() + " names snapshot " + previous.get()
          + ", which is not in " + lake.snapshotsDir());
    }
    String id = SnapshotId.next(config.clock(), new SplittableRandom());
    Path staging = lake.staging(id);
    Path work = lake.stagingDir().resolve(id + ".work");
    try {
      Files.createDirectories(work);
      Input input = prepare.apply(work);
      if (input == null) {
        Publisher.deleteTree(work);
        return Optional.empty();
      }
      Files.createDirectories(staging);
      Landing landing = input.landing().inUtf8(work.resolve("utf8"));
      LoadReport report = stage(spark, config, landing, input.submissionByPrefix(), staging,
          previous.orElse(null), previousDir, id, started, progress);
      Publisher.deleteTree(work);
      progress.phase("publishing");
      Publisher.publish(lake, id);
      progress.done("published snapshot " + id);
      return Optional.of(report);
    } catch (IOException e) {
      deleteQuietly(staging, e);
      deleteQuietly(work, e);
      throw new UncheckedIOException("cannot stage " + staging, e);
    } catch (Throwable e) { // Spark's checked exceptions arrive undeclared, through Scala
      deleteQuietly(staging, e);
      deleteQuietly(work, e);
      throw e;
    }
  }

  private static LoadReport stage(SparkSession spark, LoadConfig config, Landing landing,
      Map<String, String> submissions, Path staging, String previous, Path previousDir, String id,
      Instant started, Progress progress) {
    // Instants are written as such (TIMESTAMP_MICROS, UTC-adjusted), not as legacy INT96
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    checking(spark);
    // The checked frame of each table is cached for a few minutes at most: compressing the cache
    // costs more CPU than it saves
    return withConf(spark, "spark.sql.inMemoryColumnarStorage.compressed", "false",
        () -> stageTables(spark, config, landing, submissions, staging, previous, previousDir, id,
            started, progress));
  }

  /**
   * The session settings the rows are checked with. Vocabulary codes and indicators are folded
   * to lower case by the JVM's mapping, not ICU's (7 % of the CPU samples of loading scale 5's
   * activities); a vocabulary's codes are ASCII, which both fold alike.
   */
  static void checking(SparkSession spark) {
    spark.conf().set("spark.sql.icu.caseMappings.enabled", "false");
  }

  /** Runs {@code work} with a session setting changed, and gives the session its own value back. */
  private static <T> T withConf(SparkSession spark, String key, String value, java.util.function.Supplier<T> work) {
    scala.Option<String> before = spark.conf().getOption(key);
    spark.conf().set(key, value);
    try {
      return work.get();
    } finally {
      if (before.isDefined()) {
        spark.conf().set(key, before.get());
      } else {
        spark.conf().unset(key);
      }
    }
  }

  private static LoadReport stageTables(SparkSession spark, LoadConfig config, Landing landing,
      Map<String, String> submissions, Path staging, String previous, Path previousDir, String id,
      Instant started, Progress progress) {
    References references = References.staged(spark, staging);
    Map<Table, Long> previousRows = previousDir == null ? Map.of()
        : LoadReport.rowsInLake(Lake.report(previousDir));
    TableLoad.Context ctx = new TableLoad.Context(spark, staging, previousDir, previousRows,
        config.asOf(), Catalogue.indicators(), references, progress, !submissions.isEmpty(), config.full());
    long tablesStart = System.nanoTime();
    Map<Table, Counts> counts = new EnumMap<>(Table.class);
    Map<String, LoadReport.Part> parts = new java.util.LinkedHashMap<>();
    java.util.Set<Table> changed = java.util.EnumSet.noneOf(Table.class);
    Map<String, Map<Table, RowCounts>> bySubmission = new java.util.TreeMap<>();
    for (Table table : Table.values()) {
      TableLoad.Loaded loaded = TableLoad.load(ctx, table, landing.files(table));
      counts.put(table, loaded.counts());
      parts.put(table.folder(), loaded.part());
      if (loaded.changed()) {
        changed.add(table);
      }
      loaded.byFile().forEach((file, rows) -> {
        String submission = submissions.entrySet().stream().filter(e -> file.startsWith(e.getKey()))
            .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalStateException(
                file + " belongs to no submission of this load"));
        bySubmission.computeIfAbsent(submission, k -> new EnumMap<>(Table.class)).merge(table, rows, RowCounts::plus);
      });
    }
    submissions.values().forEach(s -> bySubmission.putIfAbsent(s, Map.of()));
    StageClock clock = new StageClock();
    clock.record("tables", tablesStart);
    String definitions = MartPlan.definitions(config.survey(), config.benchmark());
    String previousDefinitions = previousDir == null ? null
        : Lake.at(config.lakeDir()).loadReport(new vn.danvan.contract.SnapshotRef(previous, previousDir))
            .flatMap(LoadReport::definitions).orElse(null);
    MartPlan plan = MartPlan.of(previousDir, previousDefinitions, definitions, changed, parts, config.full());
    java.util.Set<Integer> indicatorMonths = plan.indicatorMonths(parts);
    parts.putAll(plan.parts());
    java.util.Set<String> linked = plan.linked();
    int partitions = martPartitions(spark, plan.rowsRead(counts));
    return withConf(spark, SHUFFLE_PARTITIONS, String.valueOf(partitions),
        () -> stageMarts(spark, config, staging, previous, previousDir, id, started, progress, counts,
            bySubmission, parts, clock, definitions, plan, indicatorMonths, linked));
  }

  /** Rows the marts read per shuffle partition: {@link #martPartitions}. */
  static final long MART_PARTITION_ROWS = 500_000;

  /**
   * The shuffle partitions the marts run with: the session's (2 a core), or one per {@value
   * #MART_PARTITION_ROWS} rows the marts read ({@link MartPlan#rowsRead}) if that is more. The
   * marts shuffle what they read (a post's snapshots by post, the facts by family and year, the
   * survey's answers), so a task's share grows with it unless the partitions do: with 4 of them,
   * a scale-20 load's survey mart spilled 173 MiB of its sorts to disk, and a change of regions
   * on a scale-20 lake (this load landing a few hundred rows) spilled 573 MiB of the indicator
   * mart's. A month's news keeps the session's few.
   */
  static int martPartitions(int session, long rows) {
    return (int) Math.max(session, Math.min(1_000, (rows + MART_PARTITION_ROWS - 1) / MART_PARTITION_ROWS));
  }

  private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /**
   * {@link #martPartitions} with this session's shuffle partitions, for marts that read {@code
   * rows} rows ({@link MartPlan#rowsRead}; a full load's marts read every row of the snapshot).
   */
  public static int martPartitions(SparkSession spark, long rows) {
    return martPartitions(Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS)), rows);
  }

  private static LoadReport stageMarts(SparkSession spark, LoadConfig config, Path staging, String previous,
      Path previousDir, String id, Instant started, Progress progress, Map<Table, Counts> counts,
      Map<String, Map<Table, RowCounts>> bySubmission, Map<String, LoadReport.Part> parts, StageClock clock,
      String definitions, MartPlan plan, java.util.Set<Integer> indicatorMonths, java.util.Set<String> linked) {
    MartsJob.Counts marts = MartsJob.run(spark, staging, IndicatorCatalogue.load().all(),
        config.benchmark(), stage -> {
          clock.startPhase(stage);
          progress.phase(stage);
        }, previousDir,
        linked.stream().filter(m -> !m.equals(SurveyMart.SURVEY_ESTIMATES)).collect(java.util.stream.Collectors.toSet()),
        plan.indicatorYears(), indicatorMonths);
    LoadReport.Part values = parts.get(MartsJob.INDICATOR_VALUES);
    if (values.action() == LoadReport.Action.PARTITIONS) {
      // of the years rebuilt, the periods whose rows changed were written, the others linked: a
      // year none of whose periods changed is linked whole
      List<Integer> years = marts.indicatorPeriods().stream().map(p -> Integer.valueOf(p.substring(0, 4)))
          .distinct().toList();
      java.util.TreeSet<Integer> linkedYears = new java.util.TreeSet<>(values.linkedYears());
      values.rewrittenYears().stream().filter(y -> !years.contains(y)).forEach(linkedYears::add);
      parts.put(MartsJob.INDICATOR_VALUES, new LoadReport.Part(
          years.isEmpty() ? LoadReport.Action.LINKED : values.action(), years, List.copyOf(linkedYears),
          marts.indicatorPeriods(), values.reason() + (years.isEmpty() ? "; of those, no period's figures changed"
              : "; of those, the periods whose figures changed")));
    }
    progress.done("marts: " + marts.indicatorValues() + " indicator values, "
        + marts.martRegions() + " regions, " + marts.postStats() + " post stats");
    // external indicators (danvan external import) are not in the landing: without this a load
    // would drop them; their restated values follow this snapshot's lineage and population
    clock.startMart(LakeTable.EXTERNAL_INDICATOR_VALUES.folder());
    progress.phase("carrying external indicators forward");
    long external = ExternalTables.carryForward(spark, previousDir, staging);
    if (external > 0) {
      progress.done("external indicators carried forward: " + external + " mart rows");
    }
    clock.startMart(SurveyMart.SURVEY_ESTIMATES);
    if (linked.contains(SurveyMart.SURVEY_ESTIMATES)) {
      progress.phase("linking survey_estimates to the previous snapshot");
      vn.danvan.etl.lake.LakeWriter.carryOver(previousDir.resolve(SurveyMart.SURVEY_ESTIMATES),
          staging.resolve(SurveyMart.SURVEY_ESTIMATES));
    } else {
      progress.phase("building survey_estimates");
      progress.done("survey estimates: " + SurveyMart.run(spark, staging, config.survey()) + " rows");
    }
    LoadReport report = new LoadReport(id, previous, config.asOf(), config.landingDir(), started,
        config.clock().instant(), counts, bySubmission, parts, definitions, clock.stop());
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
