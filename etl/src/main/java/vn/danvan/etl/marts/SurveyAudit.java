package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.Serializable;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Coded;
import vn.danvan.contract.Stratum;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.Publisher;
import vn.danvan.etl.survey.Geography;
import vn.danvan.etl.survey.SeriesEstimates;
import vn.danvan.etl.survey.SurveyRules;
import vn.danvan.etl.survey.TableRanges;
import vn.danvan.etl.survey.Wave;
import vn.danvan.etl.survey.WaveTable;

/**
 * {@code bin/danvan survey audit}: checks the {@code survey_estimates} mart a snapshot publishes.
 * Both rounds of disclosure control are run again over the snapshot's responses, as the load ran
 * them, and what they withhold is compared with what the mart withholds: when they agree, the
 * load's proofs are the mart's (each range found is a lower bound that withholding more only
 * widens). Where they differ (a mart built by other rules or code), the mart's own withheld cells
 * are attacked afresh. For every wave: the cells, those withheld in the first round (primary and
 * secondary) and the second (audit), the narrowest range left to a sensitive cell (as a share of
 * its value), the cells withheld differently and the time taken.
 */
public final class SurveyAudit {
  /** One wave (all its questions). */
  public record WaveAudit(String waveId, LocalDate fieldworkStart, long cells, long firstRound, long secondRound,
      double narrowest, double seconds, long underProtected, long differing) implements Serializable {}

  private static final StructType OUT = new StructType().add("wave_id", DataTypes.StringType)
      .add("fieldwork_start", DataTypes.DateType).add("cells", DataTypes.LongType)
      .add("first", DataTypes.LongType).add("second", DataTypes.LongType)
      .add("narrowest", DataTypes.DoubleType).add("nanos", DataTypes.LongType).add("under", DataTypes.LongType)
      .add("differing", DataTypes.LongType);

  private SurveyAudit() {}

  /** The rules the mart was built with (the defaults for a mart older than its rule columns). */
  public static SurveyRules rules(Dataset<Row> mart) {
    List<String> columns = Arrays.asList(mart.columns());
    if (!columns.contains("protection_level")) {
      return SurveyRules.DEFAULT;
    }
    List<Row> first = mart.select("min_respondents", "protection_level").limit(1).collectAsList();
    SurveyRules d = SurveyRules.DEFAULT;
    return first.isEmpty() ? d : new SurveyRules(first.get(0).getInt(0), d.maxRse(), d.confidence(),
        first.get(0).getDouble(1));
  }

  public static List<WaveAudit> run(SparkSession spark, Path snapshot) {
    Dataset<Row> mart = spark.read().parquet(snapshot.resolve(SurveyMart.SURVEY_ESTIMATES).toString());
    SurveyRules rules = rules(mart);
    Map<String, Map<WaveTable.Cell, String>> withheld = new HashMap<>();
    mart.where(col("suppressed")).withColumn("_series", coalesce(col("indicator"), concat_ws(":", lit("question"),
            col("wave_id"), col("question_id"))))
        .select("_series", "wave_id", "question_id", "boundaries", "level", "region_code", "by", "stratum", "suppression")
        .distinct().collectAsList().forEach(r -> {
          String level = r.getString(4);
          WaveTable.Cell cell = new WaveTable.Cell(level.equals("nation") ? WaveTable.BOTH : r.getString(3), level,
              r.getString(5), Coded.find(r.getString(6), Stratum.values()).orElseThrow(), r.getString(7));
          withheld.computeIfAbsent(r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2), k -> new HashMap<>())
              .put(cell, r.getString(8));
        });
    Geography geography = SurveyMart.geography(spark, snapshot);
    SurveyMart.Series all = SurveyMart.withSeries(spark, snapshot);
    Map<String, Map<String, SurveyMart.Asked>> asked = all.asked();
    FlatMapGroupsFunction<String, Row, Row> audit = (series, rows) -> {
      SurveyMart.SeriesAnswers a = SurveyMart.SeriesAnswers.of(rows, asked);
      SeriesEstimates estimates = new SeriesEstimates(geography, rules);
      List<Row> out = new ArrayList<>();
      a.byWave().forEach((wave, answers) -> {
        long start = System.nanoTime();
        SeriesEstimates.Table table = estimates.table(wave, answers);
        Map<WaveTable.Cell, String> kinds = withheld.getOrDefault(series + "|" + wave.waveId() + "|"
            + wave.questionId(), Map.of());
        SeriesEstimates.Control control = estimates.control(wave, table);
        java.util.Set<WaveTable.Cell> again = new java.util.HashSet<>(control.withheld().keySet());
        again.removeIf(c -> !c.placed());
        java.util.Set<WaveTable.Cell> differ = new java.util.HashSet<>(again);
        differ.addAll(kinds.keySet());
        differ.removeIf(c -> again.contains(c) && kinds.containsKey(c));
        double narrowest = control.audit().narrowest();
        long under = 0;
        if (!differ.isEmpty()) {
          TableRanges ranges = estimates.audit(wave, table, kinds.keySet());
          under = ranges.underProtected(rules.protectionLevel()).size();
          narrowest = ranges.narrowest();
        }
        long nanos = System.nanoTime() - start;
        long cells = table.cells().cellKeys().stream().filter(WaveTable.Cell::placed).count();
        long second = kinds.values().stream().filter("audit"::equals).count();
        out.add(RowFactory.create(wave.waveId(), Date.valueOf(wave.fieldworkStart()), cells,
            (long) kinds.size() - second, second, narrowest, nanos, under, (long) differ.size()));
      });
      return out.iterator();
    };
    List<Row> perQuestion = SurveyMart.bySeries(all.answers()).flatMapGroups(audit, Encoders.row(OUT)).collectAsList();
    Map<String, WaveAudit> byWave = new TreeMap<>();
    for (Row r : perQuestion) {
      String key = r.getDate(1) + "|" + r.getString(0);
      WaveAudit was = byWave.get(key);
      double narrowest = r.isNullAt(5) || Double.isNaN(r.getDouble(5)) ? Double.NaN : r.getDouble(5);
      WaveAudit now = new WaveAudit(r.getString(0), r.getDate(1).toLocalDate(), r.getLong(2), r.getLong(3),
          r.getLong(4), narrowest, r.getLong(6) / 1e9, r.getLong(7), r.getLong(8));
      byWave.put(key, was == null ? now : new WaveAudit(was.waveId(), was.fieldworkStart(), was.cells() + now.cells(),
          was.firstRound() + now.firstRound(), was.secondRound() + now.secondRound(),
          Double.isNaN(was.narrowest()) ? now.narrowest() : Double.isNaN(now.narrowest()) ? was.narrowest()
              : Math.min(was.narrowest(), now.narrowest()), was.seconds() + now.seconds(),
          was.underProtected() + now.underProtected(), was.differing() + now.differing()));
    }
    return List.copyOf(byWave.values());
  }

  /**
   * CPU seconds of one thread to estimate every series of the snapshot's responses (already read
   * into memory) without and with the disclosure audit: {without, with}, each the best of four
   * runs after a first that warms the JVM up, interleaved. Spark's reading, shuffling and writing
   * are left out, and so is the machine's other work (the time is the thread's own): the measure
   * that moves least from run to run.
   */
  public static double[] oneThreadSeconds(SparkSession spark, Path snapshot, SurveyRules rules) {
    Geography geography = SurveyMart.geography(spark, snapshot);
    SurveyMart.Series all = SurveyMart.withSeries(spark, snapshot);
    Map<String, List<Row>> bySeries = new TreeMap<>();
    for (Row r : all.answers().collectAsList()) {
      bySeries.computeIfAbsent(r.getAs("_series"), k -> new ArrayList<>()).add(r);
    }
    List<SurveyMart.SeriesAnswers> series = new ArrayList<>();
    bySeries.values().forEach(rows -> series.add(SurveyMart.SeriesAnswers.of(rows.iterator(), all.asked())));
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] out = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int run = 0; run < 5; run++) {
      for (int kind = 0; kind < 2; kind++) {
        long start = threads.getCurrentThreadCpuTime();
        for (SurveyMart.SeriesAnswers a : series) {
          SurveyMart.estimate(a, geography, rules, kind == 1);
        }
        if (run > 0) {
          out[kind] = Math.min(out[kind], (threads.getCurrentThreadCpuTime() - start) / 1e9);
        }
      }
    }
    return out;
  }

  /**
   * Seconds to build the mart without and with the disclosure audit: {rows without, rows with,
   * written without, written with}. "Rows" counts the mart's rows (the estimates alone); "written"
   * builds the mart as a load does (sorted, written as Parquet and counted again), into a scratch
   * folder. Each is the best of three runs after a first that warms the JVM up, the kinds
   * interleaved (so that a busy moment of the machine does not fall on one side only).
   */
  public static double[] buildSeconds(SparkSession spark, Path snapshot, SurveyRules rules) throws IOException {
    Geography geography = SurveyMart.geography(spark, snapshot);
    double[] out = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY};
    Path scratch = Files.createTempDirectory("danvan-survey-mart");
    try {
      for (int run = 0; run < 4; run++) {
        for (int kind = 0; kind < 4; kind++) {
          boolean audited = kind % 2 == 1;
          long start = System.nanoTime();
          if (kind < 2) {
            SurveyMart.estimates(spark, snapshot, geography, rules, audited).count();
          } else {
            SurveyMart.write(spark, snapshot, geography, scratch.resolve(run + "-" + kind), rules, audited);
          }
          if (run > 0) {
            out[kind] = Math.min(out[kind], (System.nanoTime() - start) / 1e9);
          }
        }
      }
    } finally {
      Publisher.deleteTree(scratch);
    }
    return out;
  }
}
