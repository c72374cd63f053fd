package vn.danvan.etl.external;

import static org.apache.spark.sql.functions.col;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.catalogue.Indicator;
import vn.danvan.etl.lake.LakeWriter;
import vn.danvan.etl.marts.MartsJob;

/**
 * The two lake tables of external indicators in a snapshot (docs/external.md):
 * {@value #VALUES}, every imported cell (blanks as rows without a value), and {@value #MART}, the
 * same values in the shape of the {@code indicator_values} mart in both boundary modes, which the
 * warehouse serves as part of {@code indicator_values}. The mart depends on the snapshot's lineage
 * and population, so every load rebuilds it ({@link #carryForward}).
 */
public final class ExternalTables {
  public static final String VALUES = Indicator.EXTERNAL_TABLE;
  public static final String MART = "external_indicator_values";

  static final StructType VALUES_SCHEMA = new StructType()
      .add("indicator", DataTypes.StringType, false).add("source", DataTypes.StringType, false)
      .add("region_code", DataTypes.StringType, false).add("year", DataTypes.IntegerType, false)
      .add("value", DataTypes.DoubleType, true).add("source_file", DataTypes.StringType, false)
      .add("source_key", DataTypes.StringType, false);
  /** The columns of {@code indicator_values}, in its order (MartsJob). */
  static final StructType MART_SCHEMA = new StructType()
      .add("indicator", DataTypes.StringType).add("boundaries", DataTypes.StringType)
      .add("level", DataTypes.StringType).add("region_code", DataTypes.StringType)
      .add("grain", DataTypes.StringType).add("period", DataTypes.StringType)
      .add("year", DataTypes.IntegerType).add("value", DataTypes.DoubleType)
      .add("source", DataTypes.StringType).add("exact", DataTypes.BooleanType)
      .add("method", DataTypes.StringType);

  private ExternalTables() {}

  /** The external values of a snapshot (or staging) folder; none when it has no such table. */
  static List<ExternalValue> read(SparkSession spark, Path snapshot) {
    Path dir = snapshot.resolve(VALUES);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    return spark.read().schema(VALUES_SCHEMA).parquet(dir.toString()).collectAsList().stream()
        .map(r -> new ExternalValue(r.getString(0), r.getString(1), r.getString(2), r.getInt(3),
            r.isNullAt(4) ? null : r.getDouble(4), r.getString(5), r.getString(6))).toList();
  }

  /** Writes {@value #VALUES} and {@value #MART} into {@code snapshot}; returns the mart's rows. */
  static long write(SparkSession spark, Path snapshot, List<ExternalValue> values) {
    List<ExternalValue> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparing(ExternalValue::indicator).thenComparing(ExternalValue::regionCode)
        .thenComparingInt(ExternalValue::year).thenComparing(ExternalValue::source));
    List<Row> rows = sorted.stream().map(v -> RowFactory.create(v.indicator(), v.source(), v.regionCode(),
        v.year(), v.value(), v.sourceFile(), v.sourceKey())).toList();
    parquet(spark, rows, VALUES_SCHEMA, snapshot.resolve(VALUES));
    return writeMart(spark, snapshot, sorted);
  }

  /** {@value #MART} from the values, over the lineage and population of the same snapshot. */
  private static long writeMart(SparkSession spark, Path snapshot, List<ExternalValue> values) {
    List<Row> rows = Restatement.rows(values, links(spark, snapshot), population(spark, snapshot)).stream()
        .sorted(Comparator.comparing(MartRow::boundaries).thenComparing(MartRow::indicator)
            .thenComparing(MartRow::regionCode).thenComparingInt(MartRow::year))
        .map(m -> RowFactory.create(m.indicator(), m.boundaries(), MartRow.LEVEL, m.regionCode(), MartRow.GRAIN,
            String.valueOf(m.year()), m.year(), m.value(), MartRow.SOURCE, m.exact(), m.method())).toList();
    parquet(spark, rows, MART_SCHEMA, snapshot.resolve(MART));
    return rows.size();
  }

  /**
   * For a load: the previous snapshot's external values go into the new one unchanged (hard
   * links), and the mart is rebuilt over the new snapshot's lineage and population. Nothing when
   * the previous snapshot had none.
   *
   * @return the mart's rows, 0 when there are no external values
   */
  public static long carryForward(SparkSession spark, Path previous, Path staging) {
    if (previous == null || !Files.isDirectory(previous.resolve(VALUES))) {
      return 0;
    }
    LakeWriter.carryOver(previous.resolve(VALUES), staging.resolve(VALUES));
    return writeMart(spark, staging, read(spark, staging));
  }

  private static Map<String, String> links(SparkSession spark, Path snapshot) {
    Map<String, String> links = new HashMap<>();
    for (Row r : MartsJob.provinceLinks(spark, snapshot)) {
      String other = links.put(r.getString(0), r.getString(1));
      if (other != null && !other.equals(r.getString(1))) {
        throw new IllegalStateException("old province " + r.getString(0) + " links to two new provinces, "
            + other + " and " + r.getString(1) + ": a score cannot be split");
      }
    }
    return links;
  }

  /** Old provinces' inhabitants per year: the population mart as reported (its own rules). */
  private static Map<String, Map<Integer, Double>> population(SparkSession spark, Path snapshot) {
    Path mart = snapshot.resolve(MartsJob.INDICATOR_VALUES);
    Map<String, Map<Integer, Double>> out = new HashMap<>();
    if (!Files.isDirectory(mart)) {
      return out;
    }
    spark.read().parquet(mart.toString())
        .where(col("indicator").equalTo("population").and(col("boundaries").equalTo(MartRow.REPORTED))
            .and(col("level").equalTo(MartRow.LEVEL)).and(col("grain").equalTo(MartRow.GRAIN)))
        .select("region_code", "year", "value").collectAsList()
        .forEach(r -> out.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getInt(1), r.getDouble(2)));
    return out;
  }

  private static void parquet(SparkSession spark, List<Row> rows, StructType schema, Path dir) {
    spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.ErrorIfExists)
        .option("compression", "zstd")
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .parquet(dir.toString());
  }
}
