package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import vn.danvan.catalogue.Indicator;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.YearFolders;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.outreach.OutreachMart;
import vn.danvan.etl.outreach.PostAreas;

/**
 * Builds the marts (docs/marts.md) from the tables of a staged snapshot, into the same snapshot:
 * {@value #INDICATOR_VALUES}, {@value #MART_REGIONS} and the outreach mart {@code post_stats}
 * (docs/outreach.md).
 */
public final class MartsJob {
  public static final String INDICATOR_VALUES = "indicator_values";
  public static final String MART_REGIONS = "mart_regions";
  /** Rows per Parquet row group: small enough for a series query to skip most of the file. */
  private static final int ROW_GROUP_BYTES = 4 << 20;
  /**
   * The column the indicator mart is written by: its period as one number ({@link GrainColumns#key}),
   * its folders moved to {@code year=} folders and period tags after.
   */
  private static final String PART = "part_period";
  /**
   * A row's place within its period's file, one number ({@link Rollup#order}): boundary mode,
   * indicator, level and region code, in the order of their texts.
   */
  private static final String ORDER = "_order";

  private MartsJob() {}

  /**
   * What was written: rows of each mart, and the periods of {@code indicator_values} whose files
   * this load wrote (none when it linked the mart).
   */
  public record Counts(long indicatorValues, long martRegions, long postStats, List<String> indicatorPeriods) {}

  /** With CrowdTangle's benchmark for the overperformance scores. */
  public static Counts run(SparkSession spark, Path staging, List<Indicator> indicators) {
    return run(spark, staging, indicators, Benchmark.CROWDTANGLE);
  }

  public static Counts run(SparkSession spark, Path staging, List<Indicator> indicators, Benchmark benchmark) {
    return run(spark, staging, indicators, benchmark, stage -> { });
  }

  /** As above, saying each mart's stage ({@code building post_stats}) to {@code stages} as it begins. */
  public static Counts run(SparkSession spark, Path staging, List<Indicator> indicators, Benchmark benchmark,
      Consumer<String> stages) {
    return run(spark, staging, indicators, benchmark, stages, null, java.util.Set.of(), null);
  }

  /**
   * As above, except that the marts named in {@code linked} are not built: their folders are hard
   * links to {@code previous}'s (the caller has found that none of their inputs changed).
   */
  public static Counts run(SparkSession spark, Path staging, List<Indicator> indicators, Benchmark benchmark,
      Consumer<String> stages, Path previous, java.util.Set<String> linked, java.util.Set<Integer> indicatorYears) {
    return run(spark, staging, indicators, benchmark, stages, previous, linked, indicatorYears, null);
  }

  /**
   * As above, and of {@code indicatorYears} only the periods holding one of {@code indicatorMonths}
   * ({@code year * 100 + month}: the months the changed tables' rows reached) are rolled up, where
   * the previous snapshot stores that year by period; null: every period of those years.
   */
  public static Counts run(SparkSession spark, Path staging, List<Indicator> indicators, Benchmark benchmark,
      Consumer<String> stages, Path previous, java.util.Set<String> linked, java.util.Set<Integer> indicatorYears,
      java.util.Set<Integer> indicatorMonths) {
    if ((!linked.isEmpty() || indicatorYears != null) && previous == null) {
      throw new IllegalArgumentException("marts " + linked + (indicatorYears == null ? "" : " and the years of "
          + INDICATOR_VALUES + " other than " + indicatorYears) + " cannot be linked without a previous snapshot");
    }
    for (String mart : linked) {
      stages.accept("linking " + mart + " to the previous snapshot");
      vn.danvan.etl.lake.LakeWriter.carryOver(previous.resolve(mart), staging.resolve(mart));
    }
    if (linked.contains(INDICATOR_VALUES) && Files.isDirectory(previous.resolve(FactStore.FOLDER))) {
      // the facts it was rolled up from go with it (a snapshot written before they were kept has none)
      vn.danvan.etl.lake.LakeWriter.carryOver(previous.resolve(FactStore.FOLDER), staging.resolve(FactStore.FOLDER));
    }
    // survey series have their own mart (SurveyMart): no report or record computes them
    List<Indicator> catalogue = indicators.stream().filter(i -> !i.isSurvey()).toList();
    Dataset<Row> versions = Regions.versions(spark, table(spark, staging, Table.REGIONS)).cache();
    try {
      Dataset<Row> newCodes = Regions.newCodes(versions);
      Dataset<Row> lineage = table(spark, staging, Table.REGION_LINEAGE);
      List<Row> nodes = Regions.nodes(versions).collectAsList();
      List<Row> shares = Regions.communeShares(lineage, table(spark, staging, Table.POPULATION)).collectAsList();
      List<Row> links = Regions.provinceLinks(spark, lineage).collectAsList();
      Rollup rollup = new Rollup(nodes, shares, links, catalogue);
      // the one definition of a post's totals, written first: the marts' post_totals read it
      Dataset<Row> postStats;
      if (linked.contains(OutreachMart.POST_STATS)) {
        postStats = spark.read().parquet(staging.resolve(OutreachMart.POST_STATS).toString());
      } else {
        stages.accept("building " + OutreachMart.POST_STATS);
        postStats = OutreachMart.write(table(spark, staging, Table.POSTS),
            table(spark, staging, Table.POST_METRICS), new PostAreas(nodes, shares, links), benchmark, staging);
      }
      List<String> periods = List.of();
      if (!linked.contains(INDICATOR_VALUES)) {
        stages.accept("building " + INDICATOR_VALUES + (indicatorYears == null ? "" : " for " + indicatorYears));
        periods = indicatorValues(spark, staging, catalogue, newCodes, rollup, postStats, previous, indicatorYears,
            indicatorMonths);
      }
      if (!linked.contains(MART_REGIONS)) {
        stages.accept("building " + MART_REGIONS);
        Dataset<Row> regions = Regions.martRegions(spark, versions);
        regions.orderBy("boundaries", "level", "region_code", "valid_from").coalesce(1)
            .write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
            .parquet(staging.resolve(MART_REGIONS).toString());
      }
      return new Counts(count(spark, staging.resolve(INDICATOR_VALUES)),
          count(spark, staging.resolve(MART_REGIONS)), postStats.count(), periods);
    } finally {
      versions.unpersist();
    }
  }

  /**
   * {@code old_code, new_code}: old provinces into their new one (the snapshot's lineage and the
   * shipped one), as the marts restate them; for marts built elsewhere (external indicators).
   */
  public static List<Row> provinceLinks(SparkSession spark, Path snapshot) {
    return Regions.provinceLinks(spark, table(spark, snapshot, Table.REGION_LINEAGE)).collectAsList();
  }

  /**
   * Writes the mart one folder per year ({@code year=N}, the column kept in the files too), one
   * file per period in it ({@link YearFolders}): a load whose facts reach some years only rebuilds
   * those ({@code years}; null for all), and of those it writes the periods whose rows changed.
   *
   * @return the periods written ({@code 2025-Q4})
   */
  private static List<String> indicatorValues(SparkSession spark, Path staging, List<Indicator> catalogue,
      Dataset<Row> newCodes, Rollup rollup, Dataset<Row> postStats, Path previous, java.util.Set<Integer> years,
      java.util.Set<Integer> months) {
    Path before = previous == null ? null : previous.resolve(INDICATOR_VALUES);
    // the years rebuilt whose previous files are by period: only the periods whose rows changed are
    // written, the others linked (and with months given, only their periods are rolled up); the
    // other years rebuilt are written whole
    java.util.Set<Integer> byPeriod = new java.util.TreeSet<>();
    if (years != null) {
      years.stream().filter(y -> {
        Path folder = before.resolve(LakeSchema.YEAR + "=" + y);
        return Files.isDirectory(folder) && !YearFolders.wholeYearFiles(folder);
      }).forEach(byPeriod::add);
    }
    java.util.Set<Integer> whole = new java.util.TreeSet<>(years == null ? java.util.Set.of() : years);
    whole.removeAll(byPeriod);
    java.util.Set<Integer> rolledMonths = months == null ? null
        : months.stream().filter(m -> byPeriod.contains(m / 100)).collect(java.util.stream.Collectors.toSet());
    List<String> rolledPeriods = rolledMonths == null ? null
        : rolledMonths.stream().flatMap(m -> GrainColumns.labelsHolding(m).stream()).distinct().toList();
    // the facts of the months the load reached (of every month of the years rebuilt whole), filed
    // by month; the year's other months' facts are the previous snapshot's files, linked. A fact's
    // year is its row's year (a report's period lies in one calendar year, or it enters no mart)
    FactStore.Scope scope = FactStore.scope(previous, years, months);
    Dataset<Row> reports = Facts.reports(scope.dated(table(spark, staging, Table.REPORT_VALUES), "period_end"),
        catalogue, newCodes);
    // population is a stock: a region's own figure stands for its area, as a report does
    Dataset<Row> population = Facts.records("population",
        scope.yearly(table(spark, staging, Table.POPULATION), FactStore.POPULATION_MONTH), catalogue, newCodes);
    if (population != null) {
      reports = reports.unionByName(population);
    }
    // Records are added up per month (a model's per year) before the roll-up, which adds them up
    // per slice anyway, where that makes them fewer: at scale 20, 3.89 M posts and their totals
    // fall in 0.37 M months of a unit and commune, and 4.0 M models in 1.18 M years of a commune
    // and kind. Activities are nearly all alone in theirs (7.46 M in 6.50 M months of a unit,
    // commune and kind): adding up their facts with the models' took a seventh of the mart's CPU,
    // and its last step turned 20.7 M partial sums into all but 1,071 of as many, so a full rebuild
    // hands activities over as they are. The facts a load keeps are all added up
    Dataset<Row> activities = Facts.records("activities", scope.dated(table(spark, staging, Table.ACTIVITIES),
        "start_date"), catalogue, newCodes);
    List<Dataset<Row>> summed = new ArrayList<>();
    addIfAny(summed, Facts.records("models", scope.yearly(table(spark, staging, Table.MODELS),
        FactStore.MODELS_MONTH), catalogue, newCodes));
    addIfAny(summed, Facts.records("posts", scope.dated(table(spark, staging, Table.POSTS),
        LakeSchema.PUBLISHED_DATE), catalogue, newCodes));
    // a post's totals count in the month it was published; post_stats is not stored by year but
    // each quarter of publication in one file, in order, so the months are asked as ranges of
    // dates, which Parquet's row-group statistics answer: a month's load read all 3.9 M post
    // totals of scale 20 for one year's 0.47 M
    addIfAny(summed, Facts.records("post_totals", Facts.postTotals(postStats.where(
        scope.within(col("published_date")))), catalogue, newCodes));
    if (!scope.all()) {
      addIfAny(summed, activities);
    }
    Dataset<Row> facts = FactStore.of(reports, true);
    if (!summed.isEmpty()) {
      facts = facts.unionByName(FactStore.of(Precedence.records(summed.stream().reduce(Dataset::unionByName)
          .orElseThrow()), false));
    }
    if (scope.all() && activities != null) {
      facts = facts.unionByName(FactStore.of(activities, false));
    }
    if (!scope.all()) {
      // kept only by loads that rebuild some years: a full rebuild keeps none (writing and reading
      // back all years' facts cost a scale-20 load 90 s), and the first load of a year's news after
      // it computes that year's facts whole
      FactStore.write(facts, scope, staging, previous, Math.min(Integer.parseInt(spark.conf().get(
          BYPASS_MERGE_THRESHOLD, "200")), Math.max(1, 12 * scope.wholeYears().size() + scope.months().size())));
      facts = FactStore.read(spark, staging, years);
    }
    // computed once, by the write: nothing else reads it (no sort samples it, no count)
    Dataset<Row> all = rollup.run(facts, years, rolledMonths);
    Column fromReport = col("from_report");
    Column fromRecords = col("from_records");
    Column apportioning = col("apportioning");
    Dataset<Row> out = all.select(col("indicator"), col("boundaries"), col("level"),
        col("code").as("region_code"), GrainColumns.name(col("grain")).as("grain"),
        GrainColumns.label(col("target_start"), col("grain")).as("period"), year(col("target_start")).as("year"),
        col("value"),
        when(fromReport.and(fromRecords), "mixed").when(fromReport, "report").otherwise("records").as("source"),
        apportioning.equalTo(Apportioning.EXACT.rank()).as("exact"), method(apportioning).as("method"),
        col("order").as(ORDER), GrainColumns.key(col("target_start"), col("grain")).as(PART));
    Path dir = staging.resolve(INDICATOR_VALUES);
    java.util.Map<Integer, java.util.Set<String>> changed = new java.util.TreeMap<>();
    Dataset<Row> toWrite = out;
    if (!byPeriod.isEmpty()) {
      out = out.persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> was = spark.read().parquet(byPeriod.stream()
          .map(y -> before.resolve(LakeSchema.YEAR + "=" + y).toString()).toArray(String[]::new));
      was = was.select(java.util.Arrays.stream(out.drop(ORDER, PART).schema().fields())
          .map(f -> col(f.name()).cast(f.dataType())).toArray(Column[]::new));
      if (rolledPeriods != null) {
        was = was.where(col("period").isin(rolledPeriods.toArray()));
      }
      changed = changedPeriods(out.drop(ORDER, PART).where(col("year").isin(byPeriod.toArray())), was);
      toWrite = out.where(col("year").isin(whole.toArray()).or(col("period").isin(
          changed.values().stream().flatMap(java.util.Set::stream).toArray())));
    }
    // Spark drops a partition column from the files: the period as one number names the folders,
    // then its year and label the year folders and the files (year and period stay in the files).
    // One int column, not the year and the period's text: the write's sort compared the text for
    // every pair of rows (11.4 % of the stage's samples; the stage fell about 5 %, its sort being
    // bound by memory), and Spark added a projection for a text partition column. Each period is
    // sorted and written by one task, with as many tasks as periods can be written: a month's news
    // writes its month, quarter, half and year in parallel, and in a full build no task sorts
    // more than a few periods' rows (with the session's few shuffle partitions, a task sorted a
    // quarter of the mart and spilled it to disk: 83 MiB at scale 5). No more tasks than Spark
    // writes a shuffle for without sorting it (spark.shuffle.sort.bypassMergeThreshold): with 11
    // years' 209 periods, the roll-up's output was sorted by task and spilled before the shuffle
    // Within a period, rows are sorted by boundary mode, indicator, level and region code, the
    // order of their texts, compared as one number (the texts only for what the roll-up could not
    // rank); grain is the period's own
    int periodsPerYear = java.util.Arrays.stream(vn.danvan.contract.Grain.values())
        .mapToInt(vn.danvan.contract.Grain::periodsPerYear).sum();
    int tasks = Math.min(Integer.parseInt(spark.conf().get(BYPASS_MERGE_THRESHOLD, "200")),
        Math.max(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")),
            periodsPerYear * (years == null ? factYears(staging) : years.size())));
    Path written = staging.resolve("_" + INDICATOR_VALUES + "_by_period");
    toWrite.repartition(tasks, col(PART))
        .sortWithinPartitions(PART, ORDER, "indicator", "level", "region_code").drop(ORDER)
        .write().partitionBy(PART).mode(SaveMode.ErrorIfExists).option("compression", "zstd")
        .option("parquet.block.size", ROW_GROUP_BYTES)
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .parquet(written.toString());
    YearFolders.moveTagged(written, PART, v -> GrainColumns.yearOf(Integer.parseInt(v)),
        v -> YearFolders.periodTag(GrainColumns.labelOf(Integer.parseInt(v))), dir);
    List<String> periods = YearFolders.periods(dir);
    if (years != null) {
      java.util.Map<Integer, java.util.Set<String>> tags = new java.util.TreeMap<>();
      for (int y : byPeriod) {
        tags.put(y, changed.getOrDefault(y, java.util.Set.of()).stream().map(YearFolders::periodTag)
            .collect(java.util.stream.Collectors.toSet()));
      }
      YearFolders.linkOthers(before, dir, whole, tags);
      out.unpersist();
    }
    if (YearFolders.years(dir).isEmpty()) {
      // no figure at all: one file of the schema, so that readers find the mart
      out.drop(ORDER, PART).limit(0).coalesce(1).write().mode(SaveMode.Overwrite).option("compression", "zstd")
          .parquet(dir.toString());
    }
    return periods;
  }

  /**
   * The periods, by year, whose rows differ between {@code now} and {@code was} (or that only one
   * holds): compared by their count and the sum of a 64-bit hash of each row, values rounded to six
   * decimals (sums added up in another order may differ in their last bits). One aggregate of
   * each side; two different sets of rows of a period compare equal only if their hashes collide.
   */
  private static java.util.Map<Integer, java.util.Set<String>> changedPeriods(Dataset<Row> now, Dataset<Row> was) {
    Dataset<Row> a = fingerprint(now).as("a");
    Dataset<Row> b = fingerprint(was).as("b");
    Column same = col("a.year").equalTo(col("b.year")).and(col("a.period").equalTo(col("b.period")));
    java.util.Map<Integer, java.util.Set<String>> changed = new java.util.TreeMap<>();
    for (Row r : a.join(b, same, "full_outer")
        .where(col("a.n").isNull().or(col("b.n").isNull()).or(col("a.n").notEqual(col("b.n")))
            .or(col("a.h").notEqual(col("b.h"))))
        .select(coalesce(col("a.year"), col("b.year")), coalesce(col("a.period"), col("b.period"))).collectAsList()) {
      changed.computeIfAbsent(r.getInt(0), y -> new java.util.TreeSet<>()).add(r.getString(1));
    }
    return changed;
  }

  private static Dataset<Row> fingerprint(Dataset<Row> rows) {
    Column[] columns = java.util.Arrays.stream(rows.columns())
        .map(c -> c.equals("value") ? round(col(c), 6) : col(c)).toArray(Column[]::new);
    return rows.groupBy(col("year"), col("period")).agg(org.apache.spark.sql.functions.count(lit(1)).as("n"),
        sum(xxhash64(columns).cast(DataTypes.createDecimalType(38, 0))).as("h"));
  }

  /** The most partitions a shuffle has that Spark writes without sorting its records (default 200). */
  private static final String BYPASS_MERGE_THRESHOLD = "spark.shuffle.sort.bypassMergeThreshold";

  /** How many years the staged fact tables hold between them: the mart's years, at most. */
  private static int factYears(Path staging) {
    java.util.Set<Integer> years = new java.util.TreeSet<>();
    for (Table t : List.of(Table.REPORT_VALUES, Table.ACTIVITIES, Table.MODELS, Table.POSTS, Table.POPULATION)) {
      years.addAll(YearFolders.years(Lake.table(staging, t)));
    }
    return Math.max(1, years.size());
  }

  /** The mart's {@code method} of an {@link Apportioning#rank()}: null when exact. */
  private static Column method(Column apportioning) {
    Column method = null;
    for (Apportioning a : Apportioning.values()) {
      if (a.method() != null) {
        method = method == null ? when(apportioning.equalTo(a.rank()), a.method())
            : method.when(apportioning.equalTo(a.rank()), a.method());
      }
    }
    return method;
  }

  private static void addIfAny(List<Dataset<Row>> parts, Dataset<Row> part) {
    if (part != null) {
      parts.add(part);
    }
  }

  private static long count(SparkSession spark, Path dir) {
    return spark.read().parquet(dir.toString()).count();
  }

  /** A staged table; an empty frame of its lake schema when the load left no folder for it. */
  static Dataset<Row> table(SparkSession spark, Path staging, Table table) {
    Path dir = Lake.table(staging, table);
    StructType schema = LakeSchema.of(table);
    if (!Files.isDirectory(dir)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(dir.toString());
  }
}
