package vn.danvan.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.etl.lake.LakeSchema;
import vn.danvan.etl.regions.Provinces;
import vn.danvan.etl.regions.RegionRow;

/**
 * The small frames that other tables are checked against: region validity spans by code,
 * campaigns, survey waves and questions, posts. A reference is what is in the lake after this
 * load (rows landed now plus rows carried over from the previous snapshot), so it is read back
 * from the staged table: a quarantined campaign is no valid reference. Tables are staged in
 * {@link Table} order, so every referenced table is complete before a table that refers to it.
 */
final class References {
  private final Supplier<Dataset<Row>> regions;
  private Broadcast<RegionValidity> regionValidity;
  private final Supplier<Dataset<Row>> campaigns;
  private final Supplier<Dataset<Row>> waves;
  private final Supplier<Dataset<Row>> questions;
  private final Supplier<Dataset<Row>> posts;

  private References(Supplier<Dataset<Row>> regions, Supplier<Dataset<Row>> campaigns,
      Supplier<Dataset<Row>> waves, Supplier<Dataset<Row>> questions, Supplier<Dataset<Row>> posts) {
    this.regions = Objects.requireNonNull(regions, "regions");
    this.campaigns = campaigns;
    this.waves = waves;
    this.questions = questions;
    this.posts = posts;
  }

  /** References read from the tables already written to a staging folder. */
  static References staged(SparkSession spark, Path staging) {
    return new References(
        () -> shippedProvinces(spark).unionByName(
            table(spark, staging, Table.REGIONS).select("code", "valid_from", "valid_to")),
        () -> table(spark, staging, Table.CAMPAIGNS).select("campaign_code"),
        () -> table(spark, staging, Table.SURVEY_WAVES)
            .select("wave_id", "fieldwork_start", "fieldwork_end"),
        () -> table(spark, staging, Table.SURVEY_QUESTIONS).select("wave_id", "question_id", "type", "options"),
        () -> table(spark, staging, Table.POSTS).select("post_id", "published_at"));
  }

  /** References given as frames, for tests: regions as (code, valid_from, valid_to). */
  static References of(Dataset<Row> regions, Dataset<Row> campaigns, Dataset<Row> waves,
      Dataset<Row> questions, Dataset<Row> posts) {
    return new References(() -> regions, () -> campaigns, () -> waves,
        () -> questions, () -> posts);
  }

  /**
   * Every validity span of every region code. Most tables use it, so it is built once per load
   * (after the regions table is staged: its first user comes later in load order), on the driver:
   * regions are tens of thousands of rows, sent to the executors once as a broadcast.
   */
  synchronized Broadcast<RegionValidity> regionValidity() {
    if (regionValidity == null) {
      Dataset<Row> rows = regions.get();
      regionValidity = JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
          .broadcast(RegionValidity.of(rows.collectAsList().stream().map(References::span).toList()));
    }
    return regionValidity;
  }

  /** campaign_code */
  Dataset<Row> campaigns() {
    return campaigns.get();
  }

  /** wave_id, fieldwork_start, fieldwork_end */
  Dataset<Row> waves() {
    return waves.get();
  }

  /** wave_id, question_id, type, options */
  Dataset<Row> questions() {
    return questions.get();
  }

  /** post_id, published_at */
  Dataset<Row> posts() {
    return posts.get();
  }

  /** The 63 + 34 provinces the jar ships: known even when the landing has no regions. */
  static Dataset<Row> shippedProvinces(SparkSession spark) {
    List<Row> rows = Provinces.regions().stream().map(References::row).toList();
    StructType schema = new StructType().add("code", DataTypes.StringType)
        .add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType);
    return spark.createDataFrame(rows, schema);
  }

  /** A (code, valid_from, valid_to) row as a span. */
  private static RegionValidity.Span span(Row r) {
    return new RegionValidity.Span(r.isNullAt(0) ? null : r.getString(0),
        r.isNullAt(1) ? null : ((Date) r.get(1)).toLocalDate(),
        r.isNullAt(2) ? null : ((Date) r.get(2)).toLocalDate());
  }

  private static Row row(RegionRow r) {
    return RowFactory.create(r.code(), Date.valueOf(r.validFrom()),
        r.validTo() == null ? null : Date.valueOf(r.validTo()));
  }

  /** A staged table; an empty frame of its lake schema when the table has no rows at all. */
  private static Dataset<Row> table(SparkSession spark, Path staging, Table table) {
    Path dir = Lake.table(staging, table);
    StructType schema = LakeSchema.of(table);
    if (!Files.isDirectory(dir)) {
      return spark.createDataFrame(List.of(), schema);
    }
    return spark.read().schema(schema).parquet(dir.toString());
  }

}
