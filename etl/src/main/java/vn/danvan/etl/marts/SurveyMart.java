package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;
import vn.danvan.contract.Table;
import vn.danvan.etl.survey.Answer;
import vn.danvan.etl.survey.EstimateRow;
import vn.danvan.etl.survey.Geography;
import vn.danvan.etl.survey.SeriesEstimates;
import vn.danvan.etl.survey.SurveyRules;
import vn.danvan.etl.survey.Wave;

/**
 * The {@value #SURVEY_ESTIMATES} mart (docs/surveys.md): weighted estimates of every survey
 * question by wave, region and stratum, with small cells already suppressed, built from the staged
 * survey tables into the same snapshot as the other marts, so that it is published (or not) with
 * them. Responses are shuffled once, into one group per indicator (a series of questions across
 * waves, some thousands of responses per wave), and each group is estimated in memory by {@link
 * SeriesEstimates}: suppression looks at all cells of a wave together, and a change looks at the
 * previous wave.
 */
public final class SurveyMart {
  public static final String SURVEY_ESTIMATES = "survey_estimates";

  /** The mart's columns, in order. */
  public static final StructType SCHEMA = new StructType()
      .add("indicator", DataTypes.StringType).add("wave_id", DataTypes.StringType)
      .add("wave_title", DataTypes.StringType).add("fieldwork_start", DataTypes.DateType)
      .add("fieldwork_end", DataTypes.DateType).add("question_id", DataTypes.StringType)
      .add("question_type", DataTypes.StringType).add("boundaries", DataTypes.StringType)
      .add("level", DataTypes.StringType).add("region_code", DataTypes.StringType)
      .add("by", DataTypes.StringType).add("stratum", DataTypes.StringType)
      .add("option", DataTypes.StringType).add("statistic", DataTypes.StringType)
      .add("value", DataTypes.DoubleType).add("se", DataTypes.DoubleType)
      .add("ci_low", DataTypes.DoubleType).add("ci_high", DataTypes.DoubleType)
      .add("n", DataTypes.LongType).add("n_eff", DataTypes.DoubleType).add("rse", DataTypes.DoubleType)
      .add("suppressed", DataTypes.BooleanType).add("unreliable", DataTypes.BooleanType)
      .add("suppression", DataTypes.StringType).add("previous_wave_id", DataTypes.StringType)
      .add("change", DataTypes.DoubleType).add("change_se", DataTypes.DoubleType)
      .add("change_z", DataTypes.DoubleType).add("change_p", DataTypes.DoubleType)
      .add("min_respondents", DataTypes.IntegerType).add("protection_level", DataTypes.DoubleType);

  private SurveyMart() {}

  /** Builds the mart into {@code staging}; returns its row count. */
  public static long run(SparkSession spark, Path staging, SurveyRules rules) {
    return write(spark, staging, geography(spark, staging), staging.resolve(SURVEY_ESTIMATES), rules, !unaudited);
  }

  /** Set only by {@code bench survey}'s own load JVM (vn.danvan.bench.SurveyBenchLoad): no CLI option reaches it. */
  private static volatile boolean unaudited;

  /**
   * Makes this JVM's loads build the mart without the disclosure audit, to time what the audit
   * costs a load ({@code bin/danvan bench survey}, into scratch lakes): such a mart is not safe to
   * publish.
   */
  public static void withoutAuditForBenchmarks() {
    unaudited = true;
  }

  /**
   * Builds the mart from the survey tables of {@code snapshot} into {@code target}, as a load does.
   *
   * @param audited false only to measure the disclosure audit's cost (such rows are not safe to publish)
   */
  static long write(SparkSession spark, Path snapshot, Geography geography, Path target, SurveyRules rules,
      boolean audited) {
    Dataset<Row> out = estimates(spark, snapshot, geography, rules, audited);
    String dir = target.toString();
    // one file, in order: gathered into one partition and sorted there. A global sort (orderBy)
    // would run the estimates, and the disclosure audit with them, twice: once to sample its ranges
    out.repartition(1).sortWithinPartitions("indicator", "boundaries", "level", "region_code", "fieldwork_start",
            "wave_id", "by", "stratum", "option")
        .write().mode(SaveMode.ErrorIfExists).option("compression", "zstd").parquet(dir);
    return spark.read().parquet(dir).count();
  }

  /** The mart's rows from the survey tables of {@code snapshot} (staged or published). */
  static Dataset<Row> estimates(SparkSession spark, Path snapshot, Geography geography, SurveyRules rules,
      boolean audited) {
    return estimates(withSeries(spark, snapshot), geography, rules, audited);
  }

  /** The geography of the regions and lineage staged (or published) in {@code snapshot}. */
  static Geography geography(SparkSession spark, Path snapshot) {
    Dataset<Row> versions = Regions.versions(spark, MartsJob.table(spark, snapshot, Table.REGIONS));
    Dataset<Row> lineage = MartsJob.table(spark, snapshot, Table.REGION_LINEAGE);
    return geography(Regions.nodes(versions).collectAsList(), Regions.provinceLinks(spark, lineage).collectAsList(),
        lineage.where(length(col("old_code")).equalTo(Level.COMMUNE.codeLength()))
            .select("old_code", "new_code", "relation").distinct().collectAsList());
  }

  /**
   * The region trees' parents by era, the old provinces' 2025 province and the old communes that
   * went whole into one 2025 commune (a single full link).
   */
  static Geography geography(List<Row> nodes, List<Row> provinceLinks, List<Row> communeLinks) {
    Map<String, String> oldParent = new HashMap<>();
    Map<String, String> newParent = new HashMap<>();
    for (Row n : nodes) {
      String parent = n.getAs("parent_code");
      if (parent != null) {
        (Facts.NEW.equals(n.getAs("era")) ? newParent : oldParent).put(n.getAs("code"), parent);
      }
    }
    Map<String, String> into = new HashMap<>();
    provinceLinks.stream().sorted((a, b) -> a.<String>getAs("new_code").compareTo(b.getAs("new_code")))
        .forEach(l -> into.putIfAbsent(l.getAs("old_code"), l.getAs("new_code")));
    Map<String, List<Row>> byOld = new HashMap<>();
    communeLinks.forEach(l -> byOld.computeIfAbsent(l.getAs("old_code"), k -> new ArrayList<>()).add(l));
    Map<String, String> whole = new HashMap<>();
    byOld.forEach((old, links) -> {
      if (links.size() == 1 && "full".equals(links.get(0).getAs("relation"))) {
        whole.put(old, links.get(0).getAs("new_code"));
      }
    });
    return new Geography(oldParent, newParent, into, whole);
  }

  /** Pure transform: the mart's rows ({@link #SCHEMA}) from the three survey tables. */
  public static Dataset<Row> estimates(Dataset<Row> waves, Dataset<Row> questions, Dataset<Row> responses,
      Geography geography, SurveyRules rules) {
    return estimates(withSeries(waves, questions, responses), geography, rules, true);
  }

  /**
   * @param series the responses with their series, and the questions as asked ({@link #withSeries})
   * @param audited false only to measure the disclosure audit's cost (such rows are not safe to publish)
   */
  private static Dataset<Row> estimates(Series series, Geography geography, SurveyRules rules, boolean audited) {
    Map<String, Map<String, Asked>> asked = series.asked();
    FlatMapGroupsFunction<String, Row, Row> estimate = (key, rows) -> {
      List<Row> out = new ArrayList<>();
      for (EstimateRow e : estimate(SeriesAnswers.of(rows, asked), geography, rules, audited)) {
        out.add(row(e, rules));
      }
      return out.iterator();
    };
    return bySeries(series.answers()).flatMapGroups(estimate, Encoders.row(SCHEMA));
  }

  /** One series' estimates: the mart's rows before they become Spark rows ({@link #row}). */
  static List<EstimateRow> estimate(SeriesAnswers answers, Geography geography, SurveyRules rules, boolean audited) {
    return new SeriesEstimates(geography, rules, (w, o) -> { }, audited).estimate(answers.indicator(),
        answers.byWave());
  }

  /** One group per series of {@link Series#answers}' rows. */
  static org.apache.spark.sql.KeyValueGroupedDataset<String, Row> bySeries(Dataset<Row> answers) {
    MapFunction<Row, String> key = r -> r.getString(SERIES_AT);
    return answers.groupByKey(key, Encoders.STRING());
  }

  /** {@link #withSeries} of the survey tables of {@code snapshot} (staged or published). */
  static Series withSeries(SparkSession spark, Path snapshot) {
    return withSeries(MartsJob.table(spark, snapshot, Table.SURVEY_WAVES),
        MartsJob.table(spark, snapshot, Table.SURVEY_QUESTIONS),
        MartsJob.table(spark, snapshot, Table.SURVEY_RESPONSES));
  }

  /** A question as asked in a wave, and its series' indicator (null for a question in none). */
  record Asked(Wave wave, String indicator) implements java.io.Serializable {}

  /**
   * The responses of questions asked in a wave, in the columns of {@link #ANSWER_COLUMNS} then
   * {@code _series} (the series: its indicator, or the question alone), and the questions as
   * asked, by wave and question id: a few hundred, so each group looks its questions up instead
   * of every response carrying its wave's title and its question's options through the shuffle.
   */
  record Series(Dataset<Row> answers, Map<String, Map<String, Asked>> asked) {}

  /** The columns of {@link Series#answers}, in order, before {@code _series}. */
  private static final String[] ANSWER_COLUMNS =
      {"wave_id", "question_id", "region_code", "age_group", "sex", "residence", "weight", "answer"};
  private static final int SERIES_AT = ANSWER_COLUMNS.length;

  /** The responses with their series, and the questions as asked (see {@link Series}). */
  static Series withSeries(Dataset<Row> waves, Dataset<Row> questions, Dataset<Row> responses) {
    Dataset<Row> asked = questions.select("wave_id", "question_id", "type", "options", "indicator")
        .join(waves.select("wave_id", "title", "fieldwork_start", "fieldwork_end"), "wave_id");
    Map<String, Map<String, Asked>> byWave = new HashMap<>();
    for (Row r : asked.collectAsList()) {
      LocalDate start = r.<Date>getAs("fieldwork_start").toLocalDate();
      Date end = r.getAs("fieldwork_end");
      String type = r.getAs("type");
      Wave wave = new Wave(r.getAs("wave_id"), r.getAs("title"), start, end == null ? null : end.toLocalDate(),
          r.getAs("question_id"), type, Wave.options(type, r.getAs("options")), !start.isBefore(Boundaries.REFORM));
      byWave.computeIfAbsent(wave.waveId(), k -> new HashMap<>()).put(wave.questionId(),
          new Asked(wave, r.getAs("indicator")));
    }
    Dataset<Row> series = asked.select(col("wave_id"), col("question_id"), coalesce(col("indicator"),
        concat_ws(":", lit("question"), col("wave_id"), col("question_id"))).as("_series"));
    Column[] columns = new Column[SERIES_AT + 1];
    for (int i = 0; i < SERIES_AT; i++) {
      columns[i] = col(ANSWER_COLUMNS[i]);
    }
    columns[SERIES_AT] = col("_series");
    Dataset<Row> answers = responses.select(java.util.Arrays.stream(ANSWER_COLUMNS).map(c -> col(c))
            .toArray(Column[]::new))
        .join(broadcast(series), new String[] {"wave_id", "question_id"}).select(columns);
    return new Series(answers, byWave);
  }

  /** One series' answers by wave, as {@link SeriesEstimates} reads them. */
  record SeriesAnswers(String indicator, Map<Wave, List<Answer>> byWave) {
    /** From a group of {@link Series#answers}' rows. */
    static SeriesAnswers of(Iterator<Row> rows, Map<String, Map<String, Asked>> asked) {
      Map<Wave, List<Answer>> byWave = new LinkedHashMap<>();
      // A series holds millions of answers in memory at scale 20, in far fewer distinct texts: each
      // text kept once (the group's live set, and the collector's copying, a fraction of what a
      // string per field per row was), and equal texts compare as the same string
      Map<String, String> texts = new HashMap<>();
      String indicator = null;
      while (rows.hasNext()) {
        // the columns in the order of ANSWER_COLUMNS
        Row r = rows.next();
        Asked q = asked.get(r.getString(0)).get(r.getString(1));
        indicator = q.indicator();
        byWave.computeIfAbsent(q.wave(), w -> new ArrayList<>()).add(new Answer(q.wave(), once(texts, r, 2),
            once(texts, r, 3), once(texts, r, 4), once(texts, r, 5), r.getDouble(6), once(texts, r, 7)));
      }
      return new SeriesAnswers(indicator, byWave);
    }

    private static String once(Map<String, String> texts, Row r, int i) {
      String s = r.getString(i);
      if (s == null) {
        return null;
      }
      String kept = texts.putIfAbsent(s, s);
      return kept == null ? s : kept;
    }
  }

  static Row row(EstimateRow e, SurveyRules rules) {
    Wave w = e.wave();
    return RowFactory.create(e.indicator(), w.waveId(), w.title(), Date.valueOf(w.fieldworkStart()),
        w.fieldworkEnd() == null ? null : Date.valueOf(w.fieldworkEnd()), w.questionId(), w.type(),
        e.boundaries(), e.level(), e.regionCode(), e.by().code(), e.stratum(), e.option(), e.statistic(),
        e.value(), e.se(), e.ciLow(), e.ciHigh(), e.n(), e.nEff(), e.rse(), e.suppressed(), e.unreliable(),
        e.suppression(), e.previousWaveId(), e.change(), e.changeSe(), e.changeZ(), e.changeP(),
        rules.minRespondents(), rules.protectionLevel());
  }
}
