package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.catalogue.Indicator;
import vn.danvan.etl.contract.Table;
import vn.danvan.etl.lake.Lake;
import vn.danvan.etl.load.LakeSchema;

/**
 * Builds the marts (docs/marts.md) from the tables of a staged snapshot, into the same snapshot:
 * {@value #INDICATOR_VALUES} and {@value #MART_REGIONS}.
 */
public final class MartsJob {
  public static final String INDICATOR_VALUES = "indicator_values";
  public static final String MART_REGIONS = "mart_regions";
  /** Rows per Parquet row group: small enough for a series query to skip most of the file. */
  private static final int ROW_GROUP_BYTES = 4 << 20;

  private MartsJob() {}

  /** What was written: rows of each mart. */
  public record Counts(long indicatorValues, long martRegions) {}

  public static Counts run(SparkSession spark, Path staging, List<Indicator> catalogue) {
    Dataset<Row> versions = Regions.versions(spark, table(spark, staging, Table.REGIONS)).cache();
    try {
      Dataset<Row> newCodes = Regions.newCodes(versions);
      Dataset<Row> lineage = table(spark, staging, Table.REGION_LINEAGE);
      Rollup rollup = new Rollup(Regions.nodes(versions),
          Regions.communeShares(lineage, table(spark, staging, Table.POPULATION)),
          Regions.provinceLinks(spark, lineage));
      Dataset<Row> values = indicatorValues(spark, staging, catalogue, newCodes, rollup);
      Dataset<Row> regions = Regions.martRegions(spark, versions);
      regions.orderBy("boundaries", "level", "region_code", "valid_from").coalesce(1)
          .write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
          .parquet(staging.resolve(MART_REGIONS).toString());
      return new Counts(count(spark, staging.resolve(INDICATOR_VALUES)),
          count(spark, staging.resolve(MART_REGIONS)));
    } finally {
      versions.unpersist();
    }
  }

  private static Dataset<Row> indicatorValues(SparkSession spark, Path staging, List<Indicator> catalogue,
      Dataset<Row> newCodes, Rollup rollup) {
    Dataset<Row> reports = Facts.reports(table(spark, staging, Table.REPORT_VALUES), catalogue, newCodes);
    Dataset<Row> posts = table(spark, staging, Table.POSTS);
    List<Dataset<Row>> recordParts = new ArrayList<>();
    addIfAny(recordParts, Facts.records("activities", table(spark, staging, Table.ACTIVITIES), catalogue, newCodes));
    addIfAny(recordParts, Facts.records("models", table(spark, staging, Table.MODELS), catalogue, newCodes));
    addIfAny(recordParts, Facts.records("posts", posts, catalogue, newCodes));
    addIfAny(recordParts, Facts.records("post_totals",
        Facts.postTotals(posts, table(spark, staging, Table.POST_METRICS)), catalogue, newCodes));
    Dataset<Row> records = recordParts.stream().reduce(Dataset::unionByName).orElseThrow();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      Dataset<Row> base = rollup.run(Rollup.own(Precedence.ownReports(reports)),
          Rollup.records(Precedence.records(records)), cached);
      base = Rollup.keep(cached, base);
      Dataset<Row> all = base.unionByName(ratios(spark, base, catalogue));
      Column mrank = col("mrank");
      Dataset<Row> out = all.select(col("indicator"), col("boundaries"), col("level"),
          col("code").as("region_code"), Grain.name(col("grain")).as("grain"),
          Grain.label(col("tstart"), col("grain")).as("period"), year(col("tstart")).as("year"),
          col("value"),
          when(col("rep").and(col("rec")), "mixed").when(col("rep"), "report").otherwise("records").as("source"),
          mrank.equalTo(0).as("exact"),
          when(mrank.equalTo(1), "weight").when(mrank.equalTo(2), "population")
              .when(mrank.equalTo(3), "equal").as("method"));
      out.orderBy("boundaries", "grain", "indicator", "level", "region_code", "period")
          .write().mode(SaveMode.ErrorIfExists).option("compression", "zstd")
          .option("parquet.block.size", ROW_GROUP_BYTES)
          .parquet(staging.resolve(INDICATOR_VALUES).toString());
      return out;
    } finally {
      Rollup.release(cached);
    }
  }

  /** Ratio indicators from their operands' values of the same mode, region and period. */
  private static Dataset<Row> ratios(SparkSession spark, Dataset<Row> base, List<Indicator> catalogue) {
    List<Row> defs = new ArrayList<>();
    for (Indicator i : catalogue) {
      i.ratioOperands().ifPresent(ops -> defs.add(RowFactory.create(i.code(), ops.get(0), ops.get(1),
          "%".equals(i.unit()) ? 100.0 : 1.0)));
    }
    Dataset<Row> d = spark.createDataFrame(defs, new StructType().add("r_code", DataTypes.StringType)
        .add("r_num", DataTypes.StringType).add("r_den", DataTypes.StringType)
        .add("r_scale", DataTypes.DoubleType));
    String[] keys = {"boundaries", "level", "code", "grain", "tstart"};
    Dataset<Row> num = base.join(broadcast(d), col("indicator").equalTo(col("r_num")));
    List<Column> denCols = new ArrayList<>();
    for (String k : keys) {
      denCols.add(col(k).as("d_" + k));
    }
    denCols.add(col("indicator").as("d_indicator"));
    for (String v : new String[] {"value", "rep", "rec", "mrank"}) {
      denCols.add(col(v).as("d_" + v));
    }
    // only the denominators' rows: the whole base would be shuffled for the join otherwise
    Dataset<Row> den = base.join(broadcast(d.select(col("r_den")).distinct()), col("indicator").equalTo(col("r_den")),
        "left_semi").select(denCols.toArray(Column[]::new));
    Column on = col("r_den").equalTo(col("d_indicator"));
    for (String k : keys) {
      on = on.and(col(k).equalTo(col("d_" + k)));
    }
    return num.join(den, on).where(col("d_value").gt(0))
        .select(col("boundaries"), col("level"), col("code"), col("r_code").as("indicator"), col("grain"),
            col("tstart"), col("value").divide(col("d_value")).multiply(col("r_scale")).as("value"),
            col("rep").or(col("d_rep")).as("rep"), col("rec").or(col("d_rec")).as("rec"),
            greatest(col("mrank"), col("d_mrank")).as("mrank"));
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
