package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.contract.checks.Indicators;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport.Action;
import vn.danvan.contract.LoadReport.Counts;
import vn.danvan.contract.LoadReport.Part;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRule.Severity;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.lake.LakeWriter;
import vn.danvan.etl.lake.YearFolders;

/**
 * Loads one table into a staging folder: read → type → check → count → write quarantine → merge
 * with the previous snapshot → write. The checked frame is cached once, so the input is parsed
 * and checked in a single pass (duplicates are then found from the cache); the writes count what
 * they write, and the counts must reconcile before the load may go on.
 */
final class TableLoad {
  /** What all tables of one load share. {@code previous} is null when the lake has no snapshot. */
  record Context(SparkSession spark, Path staging, Path previous, Map<Table, Long> previousRows,
      LocalDate asOf, Indicators indicators, References references, Progress progress,
      boolean countByFile, boolean full) {}

  /**
   * A table's counts, and (when the context asks: a load of submissions) its rows by landing file
   * (the file's path relative to the landing), each reconciled.
   */
  record Loaded(Counts counts, Map<String, RowCounts> byFile, Part part) {

    /** Whether the new snapshot's table differs from the previous one's (anything but linked whole). */
    boolean changed() {
      return part.action() != Action.LINKED;
    }
  }

  private TableLoad() {}

  static Loaded load(Context ctx, Table table, List<LandingFile> files) {
    Path out = Lake.table(ctx.staging(), table);
    Path before = ctx.previous() == null ? null : Lake.table(ctx.previous(), table);
    boolean hasBefore = before != null && Files.isDirectory(before);
    if (files.isEmpty()) {
      if (!hasBefore) {
        LakeWriter.empty(ctx.spark(), table, out);
        return new Loaded(Counts.NONE, Map.of(), Part.rewritten("no input and no earlier snapshot: empty"));
      }
      ctx.progress().phase("carrying " + table.folder() + " over from the previous snapshot");
      LakeWriter.carryOver(before, out);
      Long rows = ctx.previousRows().get(table);
      return new Loaded(Counts.NONE.withRowsInLake(rows != null ? rows
          : ctx.spark().read().parquet(out.toString()).count()), Map.of(), Part.linked("no input"));
    }

    ctx.progress().phase("reading " + table.folder() + " (" + files.size()
        + (files.size() == 1 ? " file)" : " files)"));
    List<Check> checks = checks(table, ctx.asOf(), ctx.indicators());
    Dataset<Row> judged = judged(ctx.spark(), table, files, ctx.references(), checks)
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> duplicates = Classify.duplicateRows(judged, table.key())
        .persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> classified = Classify.markDuplicates(judged, duplicates, table.key());
    try {
      ctx.progress().phase("writing " + table.folder());
      // three passes over the cached frame, each counting what it saw: the tally reads the verdict
      // columns of every row, the quarantine's pass and the lake's the rows each keeps. Counted in
      // the quarantine's pass (before its filter), the tally had every row's every column copied
      // out of the cache for it: that pass took 27.7 CPU-s of scale 20's activities
      Counts counts = counts(classified.select(tally(checks)).first(), checks);
      Observation written = new Observation(table.folder() + "_quarantine");
      List<String> relative = files.stream().map(LandingFile::relative).toList();
      LakeWriter.quarantine(Classify.quarantined(classified, table, relative)
          .observe(written, count(lit(1)).as("rows")), Lake.quarantine(ctx.staging(), table));
      long quarantined = metric(written, "rows");

      Dataset<Row> previous = hasBefore
          ? ctx.spark().read().schema(LakeSchema.of(table)).parquet(before.toString()) : null;
      Dataset<Row> landedRows = Classify.landed(classified, table);
      // what this load rewrites; null: the whole table
      YearPartitions.Scope scope = null;
      String why = !hasBefore ? "no earlier snapshot" : ctx.full() ? "a full load (--full)"
          : YearPartitions.whyInFull(table).orElse(null);
      if (why == null) {
        scope = YearPartitions.reached(landedRows, previous, table)
            .map(parts -> YearPartitions.Scope.of(parts, table, before)).orElse(null);
        why = scope == null ? "a row without a year" : null;
      }
      long expected = counts.landed() + ctx.previousRows().getOrDefault(table, 0L);
      Dataset<Row> inScope = previous;
      if (scope != null) {
        inScope = scope.previousRows(ctx.spark(), before, table);
        int monthsBefore = 12 * YearFolders.years(before).size();
        expected = counts.landed() + expected * (12 * scope.wholeYears().size() + scope.months().size())
            / Math.max(1, monthsBefore);
      }
      long landed = 0;
      long carried = 0;
      if (scope == null || !scope.isEmpty()) {
        Observation lake = new Observation(table.folder() + "_lake");
        // a post_metrics row's decreasing flag looks at every earlier snapshot of its post, in any month
        Dataset<Row> merged = scope != null && table == Table.POST_METRICS
            ? Merge.merge(landedRows, previous, table).where(scope.rows(table))
            : Merge.merge(landedRows, inScope, table);
        LakeWriter.table(merged, table, out, expected, rows -> rows
            .observe(lake, count_if(col(Merge.ORIGIN).equalTo(Merge.LANDED)).as(Merge.LANDED),
                count_if(col(Merge.ORIGIN).equalTo(Merge.CARRIED)).as(Merge.CARRIED))
            .drop(Merge.ORIGIN));
        landed = metric(lake, Merge.LANDED);
        carried = metric(lake, Merge.CARRIED);
      }
      Part part = Part.rewritten(why == null ? "" : why);
      if (scope != null) {
        // the months written, and those the load emptied (a replaced row was the last of its month)
        java.util.TreeSet<String> periods = new java.util.TreeSet<>(YearFolders.periods(out));
        scope.months().forEach(m -> periods.add(String.format(java.util.Locale.ROOT, "%d-%02d", m / 100, m % 100)));
        YearFolders.Linked linked = YearFolders.linkOthers(before, out, scope.wholeYears(), scope.tags());
        carried += YearPartitions.rows(ctx.spark(), linked.files());
        boolean some = !linked.files().isEmpty();
        part = new Part(!some ? Action.REWRITTEN : scope.isEmpty() ? Action.LINKED : Action.PARTITIONS,
            scope.years(), linked.years(), List.copyOf(periods), scope.isEmpty() ? "no row landed"
                : (scope.months().isEmpty() ? "the years its rows reach" : "the months its rows reach")
                    + (some ? "" : " (every part it holds)"));
      }
      long rowsInLake = landed + carried;
      if (landed != counts.landed() || landed + quarantined != counts.read()) {
        throw new IllegalStateException(table.folder() + ": read " + counts.read() + " rows but wrote "
            + landed + " to the lake and " + quarantined + " to quarantine (checked: " + counts.landed()
            + " landed); refusing to publish a snapshot that loses rows");
      }
      if (rowsInLake == 0) {
        LakeWriter.empty(ctx.spark(), table, out);
      }
      Map<String, RowCounts> byFile = ctx.countByFile() ? byFile(classified, relative, counts) : Map.of();
      return new Loaded(counts.withRowsInLake(rowsInLake), byFile, part);
    } finally {
      duplicates.unpersist();
      judged.unpersist();
    }
  }

  /** A table's row checks: its own, then those against the references. */
  static List<Check> checks(Table table, LocalDate asOf, Indicators indicators) {
    List<Check> checks = new ArrayList<>(RowChecks.of(table, asOf, indicators));
    checks.addAll(ReferenceChecks.of(table));
    return checks;
  }

  /**
   * A table's landing files read, typed and judged by {@code checks}: every row with its verdict
   * ({@link Classify#judge}), before duplicates are looked for.
   */
  static Dataset<Row> judged(SparkSession spark, Table table, List<LandingFile> files, References references,
      List<Check> checks) {
    Dataset<Row> typed = Typing.typed(RawFrames.read(spark, table, files), table);
    return ReferenceChecks.detach(Classify.judge(ReferenceChecks.attach(typed, table, references), checks, table.key()));
  }

  /**
   * Rows read, landed and quarantined per file (one more pass over the cached frame), which must
   * add up to the table's counts.
   */
  private static Map<String, RowCounts> byFile(Dataset<Row> classified, List<String> relative, Counts counts) {
    Map<String, RowCounts> out = new LinkedHashMap<>();
    RowCounts sum = new RowCounts(0, 0, 0);
    for (Row r : classified.groupBy(col(RawFrames.FILE)).agg(count(lit(1)),
        count_if(col(Classify.REASON).isNull()), count_if(col(Classify.REASON).isNotNull())).collectAsList()) {
      RowCounts c = new RowCounts(r.getLong(1), r.getLong(2), r.getLong(3));
      out.merge(relative.get(r.getInt(0)), c, RowCounts::plus);
      sum = sum.plus(c);
    }
    if (sum.read() != counts.read() || sum.landed() != counts.landed()) {
      throw new IllegalStateException("rows by file " + sum + " do not add up to the table's read "
          + counts.read() + " and landed " + counts.landed() + "; refusing to publish");
    }
    return out;
  }

  private static final String READ = "read";
  private static final String LANDED = "landed";

  /** Rows read, landed, quarantined by reason, and landed with each warning, as aggregates. */
  static Column[] tally(List<Check> checks) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as(READ));
    aggs.add(count_if(col(Classify.REASON).isNull()).as(LANDED));
    for (Reason r : Reason.values()) {
      aggs.add(count_if(col(Classify.REASON).equalTo(r.code())).as(r.code()));
    }
    for (String w : warnings(checks)) {
      // most rows warn of nothing: their text is not split
      aggs.add(count_if(col(Classify.REASON).isNull().and(col(Classify.WARNINGS).notEqual(lit("")))
          .and(array_contains(split(col(Classify.WARNINGS), Classify.SEPARATOR), w))).as(w));
    }
    return aggs.toArray(Column[]::new);
  }

  /** The counts of {@link #tally}'s one row. */
  static Counts counts(Row tally, List<Check> checks) {
    Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      byReason.put(r, tally.getAs(r.code()));
    }
    Map<String, Long> warned = new LinkedHashMap<>();
    for (String w : warnings(checks)) {
      warned.put(w, tally.getAs(w));
    }
    warned.values().removeIf(n -> n == 0);
    return new Counts(tally.getAs(READ), tally.getAs(LANDED), byReason, 0, warned);
  }

  private static List<String> warnings(List<Check> checks) {
    return checks.stream().filter(c -> c.level() == Severity.WARN).map(Check::name).toList();
  }

  /** An observed count, 0 when the observed rows were none. */
  static long metric(Observation observation, String name) {
    try {
      Object value = observation.getAsJava().get(name);
      return value == null ? 0 : ((Number) value).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting " + observation.name(), e);
    }
  }
}
