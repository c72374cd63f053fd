package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Level;
import vn.danvan.etl.regions.Provinces;

/**
 * The region trees of both eras and the links between them, from the staged {@code regions},
 * {@code region_lineage} and {@code population} tables plus the provinces the jar ships.
 */
final class Regions {
  private static final Date REFORM = Date.valueOf(Boundaries.REFORM);

  private Regions() {}

  /** Every region version: the staged table's, plus the shipped provinces where it lacks them. */
  static Dataset<Row> versions(SparkSession spark, Dataset<Row> regions) {
    List<Row> rows = Provinces.regions().stream().map(r -> RowFactory.create(r.code(), r.name(), r.level(),
        r.parentCode(), Date.valueOf(r.validFrom()), r.validTo() == null ? null : Date.valueOf(r.validTo())))
        .toList();
    Dataset<Row> shipped = spark.createDataFrame(rows, new StructType().add("code", DataTypes.StringType)
        .add("name", DataTypes.StringType).add("level", DataTypes.StringType)
        .add("parent_code", DataTypes.StringType).add("valid_from", DataTypes.DateType)
        .add("valid_to", DataTypes.DateType));
    Dataset<Row> staged = regions.select("code", "name", "level", "parent_code", "valid_from", "valid_to");
    return staged.unionByName(shipped.join(staged.select(col("code").as("s_code"),
        col("valid_from").as("s_from")), col("code").equalTo(col("s_code"))
        .and(col("valid_from").equalTo(col("s_from"))), "left_anti"));
  }

  /** {@code code, era, parent_code}: one row per code and era (the latest version's parent). */
  static Dataset<Row> nodes(Dataset<Row> versions) {
    return versions.withColumn("era", era())
        .groupBy("code", "era").agg(max_by(col("parent_code"), col("valid_from")).as("parent_code"));
  }

  /** Codes of units from the reform on. */
  static Dataset<Row> newCodes(Dataset<Row> versions) {
    return versions.where(era().equalTo(Facts.NEW)).select("code").distinct();
  }

  /** {@code old_code, new_code}: old provinces into their new one (staged and shipped links). */
  static Dataset<Row> provinceLinks(SparkSession spark, Dataset<Row> lineage) {
    List<Row> rows = Provinces.lineage().stream()
        .map(l -> RowFactory.create(l.oldCode(), l.newCode())).toList();
    Dataset<Row> shipped = spark.createDataFrame(rows, new StructType()
        .add("old_code", DataTypes.StringType).add("new_code", DataTypes.StringType));
    return lineage.where(length(col("old_code")).equalTo(Level.PROVINCE.codeLength())).select("old_code", "new_code")
        .unionByName(shipped).distinct();
  }

  /**
   * {@code old_code, new_code, share, mrank}: how an old commune's figures split onto new
   * communes. One full link moves everything ({@link Apportioning#EXACT}); otherwise the stated
   * weights, else the new communes' latest population, else equal parts. {@code mrank} holds the
   * {@link Apportioning#rank()} (the name is kept: the outreach mart's {@code PostAreas} reads it).
   */
  static Dataset<Row> communeShares(Dataset<Row> lineage, Dataset<Row> population) {
    WindowSpec latest = Window.partitionBy("region_code");
    Dataset<Row> pop = population.withColumn("last", max("year").over(latest))
        .where(col("year").equalTo(col("last")))
        .select(col("region_code").as("p_code"), col("population").cast("double").as("pop"));
    Dataset<Row> links = lineage.where(length(col("old_code")).equalTo(Level.COMMUNE.codeLength()))
        .select("old_code", "new_code", "relation", "weight").distinct()
        .join(pop, col("new_code").equalTo(col("p_code")), "left");
    WindowSpec byOld = Window.partitionBy("old_code");
    Column n = count(lit(1)).over(byOld);
    Column full = sum(when(col("relation").equalTo("full"), 1).otherwise(0)).over(byOld);
    Column weights = count(col("weight")).over(byOld);
    Column pops = count(col("pop")).over(byOld);
    Column popSum = sum(col("pop")).over(byOld);
    Column apportioning = when(n.equalTo(1).and(full.equalTo(1)), Apportioning.EXACT.rank())
        .when(weights.equalTo(n), Apportioning.WEIGHT.rank())
        .when(pops.equalTo(n).and(popSum.gt(0)), Apportioning.POPULATION.rank())
        .otherwise(Apportioning.EQUAL.rank());
    Column mrank = col("mrank");
    return links.withColumn("mrank", apportioning)
        .withColumn("share", when(mrank.equalTo(Apportioning.EXACT.rank()), lit(1.0))
            .when(mrank.equalTo(Apportioning.WEIGHT.rank()), col("weight"))
            .when(mrank.equalTo(Apportioning.POPULATION.rank()), col("pop").divide(popSum))
            .otherwise(lit(1.0).divide(n)))
        .select("old_code", "new_code", "share", "mrank");
  }

  /** The {@code mart_regions} rows: every version as reported, the new units for 2025, and VN. */
  static Dataset<Row> martRegions(SparkSession spark, Dataset<Row> versions) {
    Column parent = when(col("level").equalTo(Level.PROVINCE.code()), lit(Level.NATION_CODE)).otherwise(col("parent_code"));
    Dataset<Row> all = versions.select(col("level"), col("code").as("region_code"), col("name"),
        parent.as("parent_code"), col("valid_from"), col("valid_to"));
    Dataset<Row> nation = spark.createDataFrame(List.of(RowFactory.create(Level.NATION.code(), Level.NATION_CODE,
        "Việt Nam", null, null, null)), all.schema());
    Dataset<Row> reported = all.unionByName(nation).withColumn("boundaries", lit(Boundaries.REPORTED.code()));
    Dataset<Row> restated = all.where(col("valid_from").geq(lit(REFORM))).unionByName(nation)
        .withColumn("boundaries", lit(Boundaries.RESTATED_2025.code()));
    return reported.unionByName(restated).select("boundaries", "level", "region_code", "name",
        "parent_code", "valid_from", "valid_to");
  }

  private static Column era() {
    return when(col("valid_from").geq(lit(REFORM)), Facts.NEW).otherwise(Facts.OLD);
  }
}
