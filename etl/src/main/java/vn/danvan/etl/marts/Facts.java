package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.RecordFormula;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;

/**
 * Turns report values and record-level tables into one frame of facts, per the catalogue:
 * {@code indicator, unit, code, era, native_grain, native_start, value}. {@code native_grain} is
 * the grain the fact came in ({@link Grain} rank, or {@link Grain#DAY_RANK} for a dated record),
 * {@code native_start} the first day of that period (the record's date), {@code era} {@code old} or {@code new}: whether the code
 * names a unit from before or from the 2025 reform (codes were reused, so the code alone does not
 * say).
 */
final class Facts {
  static final String OLD = "old";
  static final String NEW = "new";
  /** Models carry no unit; the mobilization board runs the "Dân vận khéo" movement and reports them. */
  static final String MODELS_UNIT = "mobilization_board";
  /** Population figures come from the statistics office. */
  static final String POPULATION_UNIT = "statistics_office";

  private Facts() {}

  /**
   * Totals and disaggregations of {@code report_values} that feed a catalogue indicator, with
   * their native grain; a period that is no calendar month, quarter, half or year is left out.
   */
  static Dataset<Row> reports(Dataset<Row> reportValues, List<Indicator> catalogue, Dataset<Row> newCodes) {
    SparkSession spark = reportValues.sparkSession();
    List<Row> map = new ArrayList<>();
    for (Indicator i : catalogue) {
      i.reports().ifPresent(r -> map.add(RowFactory.create(r.indicator(), r.disaggregation(), i.code())));
    }
    Dataset<Row> sources = spark.createDataFrame(map, new StructType()
        .add("report_indicator", DataTypes.StringType).add("report_disaggregation", DataTypes.StringType)
        .add("catalogue_code", DataTypes.StringType));
    Column start = col("period_start");
    Column end = col("period_end");
    Column monthStart = dayofmonth(start).equalTo(1);
    Column nativeGrain = when(month(start).equalTo(1).and(monthStart)
            .and(end.equalTo(make_date(year(start), lit(12), lit(31)))), Grain.YEAR.rank())
        .when(monthStart.and(month(start).isin(1, 7)).and(end.equalTo(last_day(add_months(start, 5)))),
            Grain.HALF.rank())
        .when(monthStart.and(month(start).isin(1, 4, 7, 10)).and(end.equalTo(last_day(add_months(start, 2)))),
            Grain.QUARTER.rank())
        .when(monthStart.and(end.equalTo(last_day(start))), Grain.MONTH.rank());
    Dataset<Row> joined = reportValues
        .join(broadcast(sources), col("indicator").equalTo(col("report_indicator"))
            .and(coalesce(col("disaggregation"), lit("")).equalTo(col("report_disaggregation"))))
        .where(col("value").isNotNull());
    return era(joined.select(col("catalogue_code").as("indicator"), col("unit"), col("region_code").as("code"),
        end.as("era_date"), nativeGrain.as("native_grain"), start.as("native_start"),
        col("value").cast("double").as("value")), newCodes).where(col("native_grain").isNotNull());
  }

  /** Record-level facts of one table, one row per record and indicator its formula counts. */
  static Dataset<Row> records(String table, Dataset<Row> frame, List<Indicator> catalogue,
      Dataset<Row> newCodes) {
    List<Column> parts = new ArrayList<>();
    for (Indicator i : catalogue) {
      if (i.records().isEmpty() || !i.records().get().table().equals(table)) {
        continue;
      }
      RecordFormula f = i.records().get();
      Column when = lit(true);
      for (Map.Entry<String, Set<String>> filter : f.filter().entrySet()) {
        when = when.and(col(filter.getKey()).isin(filter.getValue().toArray()));
      }
      Column value = f.column().map(c -> col(c).cast("double")).orElse(lit(1.0));
      parts.add(when(when.and(value.isNotNull()), struct(lit(i.code()).as("indicator"), value.as("value"))));
    }
    if (parts.isEmpty()) {
      return null;
    }
    Column date;
    Column eraDate;
    Column unit;
    int nativeGrain = Grain.DAY_RANK;
    switch (table) {
      case "activities" -> {
        date = col("start_date");
        eraDate = date;
        unit = col("unit");
      }
      case "models" -> {
        date = make_date(col("year"), lit(1), lit(1));
        eraDate = make_date(col("year"), lit(12), lit(31));
        unit = lit(MODELS_UNIT);
        nativeGrain = Grain.YEAR.rank();
      }
      case "population" -> {
        date = make_date(col("year"), lit(1), lit(1));
        eraDate = make_date(col("year"), lit(12), lit(31));
        unit = lit(POPULATION_UNIT);
        nativeGrain = Grain.YEAR.rank();
      }
      case "posts", "post_totals" -> {
        date = col("published_date");
        eraDate = date;
        unit = col("unit");
      }
      default -> throw new IllegalArgumentException("no record table " + table);
    }
    Dataset<Row> exploded = frame
        .select(unit.as("unit"), col("region_code").as("code"), eraDate.as("era_date"),
            date.as("native_start"), explode(array(parts.toArray(Column[]::new))).as("f"))
        // the indicators a record does not count in are nulls of the array, dropped after the
        // explode: array_compact would run interpreted, re-deriving its type on every row
        .where(col("f").isNotNull())
        .select(col("f.indicator").as("indicator"), col("unit"), col("code"), col("era_date"),
            lit(nativeGrain).as("native_grain"), col("native_start"), col("f.value").as("value"));
    return era(exploded, newCodes);
  }

  /**
   * Posts with their totals, as the {@code post_stats} mart defines them (the largest count any
   * snapshot saw: a lower later snapshot never shrinks them); posts without snapshots have none.
   */
  static Dataset<Row> postTotals(Dataset<Row> postStats) {
    return postStats.where(col("snapshots").gt(0))
        .select(col("unit"), col("region_code"), col("published_date"), col("platform"),
            col("format"), col("topic"), col("shares"), col("comments"), col("reactions"), col("views"));
  }

  /** Tags each fact with the era of its unit and drops the helper date. */
  private static Dataset<Row> era(Dataset<Row> facts, Dataset<Row> newCodes) {
    Column isNew = col("era_date").geq(lit(Date.valueOf(Boundaries.REFORM))).and(col("new_era_code").isNotNull());
    return facts.join(broadcast(newCodes.select(col("code").as("new_era_code"))),
            col("code").equalTo(col("new_era_code")), "left")
        .select(col("indicator"), col("unit"), col("code"), when(isNew, NEW).otherwise(OLD).as("era"),
            col("native_grain"), col("native_start"), col("value"));
  }
}
