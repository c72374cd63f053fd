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
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import vn.danvan.etl.contract.Reason;
import vn.danvan.etl.contract.Table;
import vn.danvan.etl.lake.Lake;
import vn.danvan.etl.load.LoadReport.Counts;

/**
 * Loads one table into a staging folder: read → type → check → count → write quarantine → merge
 * with the previous snapshot → write. The checked frame is cached once, so the input is parsed
 * and checked in a single pass; the writes count what they write, and the counts must reconcile
 * before the load may go on.
 */
final class TableLoad {
  /** What all tables of one load share. {@code previous} is null when the lake has no snapshot. */
  record Context(SparkSession spark, Path staging, Path previous, Map<Table, Long> previousRows,
      LocalDate asOf, Set<String> indicators, References references, Progress progress) {}

  private TableLoad() {}

  static Counts load(Context ctx, Table table, List<LandingFile> files) {
    Path out = Lake.table(ctx.staging(), table);
    Path before = ctx.previous() == null ? null : Lake.table(ctx.previous(), table);
    boolean hasBefore = before != null && Files.isDirectory(before);
    if (files.isEmpty()) {
      if (!hasBefore) {
        LakeWriter.empty(ctx.spark(), table, out);
        return Counts.NONE;
      }
      ctx.progress().phase("carrying " + table.folder() + " over from the previous snapshot");
      LakeWriter.carryOver(before, out);
      Long rows = ctx.previousRows().get(table);
      return Counts.NONE.withRowsInLake(rows != null ? rows
          : ctx.spark().read().parquet(out.toString()).count());
    }

    ctx.progress().phase("reading " + table.folder() + " (" + files.size()
        + (files.size() == 1 ? " file)" : " files)"));
    List<Check> checks = new ArrayList<>(RowChecks.of(table, ctx.asOf(), ctx.indicators()));
    checks.addAll(ReferenceChecks.of(table));
    Dataset<Row> typed = Typing.typed(RawFrames.read(ctx.spark(), table, files), table);
    Dataset<Row> classified = ReferenceChecks.detach(Classify.classify(
        ReferenceChecks.attach(typed, table, ctx.references()), checks, table.key()))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Counts counts = tally(classified, checks);

      ctx.progress().phase("writing " + table.folder());
      long quarantined = counts.quarantined();
      if (quarantined > 0) {
        Observation written = new Observation(table.folder() + "_quarantine");
        List<String> relative = files.stream().map(LandingFile::relative).toList();
        LakeWriter.quarantine(Classify.quarantined(classified, table, relative)
            .observe(written, count(lit(1)).as("rows")), Lake.quarantine(ctx.staging(), table));
        quarantined = metric(written, "rows");
      }
      Dataset<Row> previous = hasBefore
          ? ctx.spark().read().schema(LakeSchema.of(table)).parquet(before.toString()) : null;
      Observation lake = new Observation(table.folder() + "_lake");
      Dataset<Row> merged = Merge.merge(Classify.landed(classified, table), previous, table)
          .observe(lake, count_if(col(Merge.ORIGIN).equalTo(Merge.LANDED)).as(Merge.LANDED),
              count_if(col(Merge.ORIGIN).equalTo(Merge.CARRIED)).as(Merge.CARRIED));
      LakeWriter.table(merged.drop(Merge.ORIGIN), table, out,
          counts.landed() + ctx.previousRows().getOrDefault(table, 0L));
      long landed = metric(lake, Merge.LANDED);
      long rowsInLake = landed + metric(lake, Merge.CARRIED);
      if (landed != counts.landed() || landed + quarantined != counts.read()) {
        throw new IllegalStateException(table.folder() + ": read " + counts.read() + " rows but wrote "
            + landed + " to the lake and " + quarantined + " to quarantine (checked: " + counts.landed()
            + " landed); refusing to publish a snapshot that loses rows");
      }
      if (rowsInLake == 0) {
        LakeWriter.empty(ctx.spark(), table, out);
      }
      return counts.withRowsInLake(rowsInLake);
    } finally {
      classified.unpersist();
    }
  }

  /**
   * Rows read, landed, quarantined by reason and warnings, from one aggregate over the checked
   * frame (which caches it for the writes that follow).
   */
  static Counts tally(Dataset<Row> classified, List<Check> checks) {
    List<String> warnings = checks.stream().filter(c -> c.level() == Check.Level.WARN)
        .map(Check::name).toList();
    List<Column> aggs = new ArrayList<>();
    for (String w : warnings) {
      aggs.add(count_if(array_contains(split(col(Classify.WARNINGS), Classify.SEPARATOR), w)));
    }
    List<Row> rows = classified.groupBy(col(Classify.REASON))
        .agg(count(lit(1)), aggs.toArray(Column[]::new)).collectAsList();
    long read = 0;
    long landed = 0;
    Map<Reason, Long> byReason = new EnumMap<>(Reason.class);
    Map<String, Long> warned = new LinkedHashMap<>();
    for (Row r : rows) {
      long n = r.getLong(1);
      read += n;
      if (r.isNullAt(0)) {
        landed = n;
        for (int i = 0; i < warnings.size(); i++) {
          warned.put(warnings.get(i), r.getLong(2 + i));
        }
      } else {
        byReason.put(Reason.valueOf(r.getString(0).toUpperCase(java.util.Locale.ROOT)), n);
      }
    }
    warned.values().removeIf(n -> n == 0);
    return new Counts(read, landed, byReason, 0, warned);
  }

  private static long metric(Observation observation, String name) {
    try {
      Object value = observation.getAsJava().get(name);
      return value == null ? 0 : ((Number) value).longValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting " + observation.name(), e);
    }
  }
}
