package vn.danvan.etl.outreach;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.struct;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.PostAge;

/**
 * One row per post of the {@code post_stats} mart (docs/outreach.md): the post's own columns, the
 * regions it counts in, its totals and its counts at each {@link PostAge} ({@link Growth}). This is the one
 * definition of a post's totals: the marts' {@code post_totals} facts read them from here.
 */
public final class PostStats {
  private PostStats() {}

  /** The post's own columns carried over from {@code posts}, in order. */
  static final List<String> POST_COLUMNS = List.of("post_id", "unit", "team", "region_code", "platform",
      "channel", "published_at", "published_date", "topic", "format", "year");

  /** The mart's columns before {@link Overperformance} adds the benchmarks and scores. */
  public static final StructType SCHEMA = schema();

  private static StructType schema() {
    StructType s = new StructType().add("post_id", DataTypes.StringType).add("unit", DataTypes.StringType)
        .add("team", DataTypes.StringType).add("region_code", DataTypes.StringType)
        .add("platform", DataTypes.StringType).add("channel", DataTypes.StringType)
        .add("published_at", DataTypes.TimestampType).add("published_date", DataTypes.DateType)
        .add("topic", DataTypes.StringType).add("format", DataTypes.StringType)
        .add("year", DataTypes.IntegerType)
        .add("r_province", DataTypes.StringType).add("r_district", DataTypes.StringType)
        .add("r_commune", DataTypes.StringType).add("n_province", DataTypes.StringType)
        .add("n_commune", DataTypes.StringType).add("n_exact", DataTypes.BooleanType)
        .add("snapshots", DataTypes.IntegerType).add("decreasing_snapshots", DataTypes.IntegerType)
        .add("shares", DataTypes.LongType).add("comments", DataTypes.LongType)
        .add("reactions", DataTypes.LongType).add("views", DataTypes.LongType)
        .add("interactions", DataTypes.LongType);
    for (PostAge a : PostAge.values()) {
      s = s.add(a.column("covered"), DataTypes.BooleanType).add(a.column("shares"), DataTypes.DoubleType)
          .add(a.column("comments"), DataTypes.DoubleType).add(a.column("reactions"), DataTypes.DoubleType)
          .add(a.column("interactions"), DataTypes.DoubleType);
    }
    return s;
  }

  /**
   * Every post with its growth. A post without snapshots keeps {@code snapshots = 0} and null counts
   * (unknown, not zero).
   *
   * @param posts the lake's {@code posts}
   * @param metrics the lake's {@code post_metrics} (its {@code decreasing} flag is counted)
   */
  public static Dataset<Row> of(Dataset<Row> posts, Dataset<Row> metrics, PostAreas areas) {
    Dataset<Row> grouped = metrics.groupBy(col("post_id").as("m_post_id"))
        .agg(collect_list(struct(col("observed_at"), col("shares"), col("comments"), col("reactions"),
            col("views"))).as("snaps"), count_if(col("decreasing")).as("decreasing_snapshots"));
    Dataset<Row> joined = posts.select(POST_COLUMNS.stream().map(c -> col(c)).toArray(Column[]::new))
        .join(grouped, col("post_id").equalTo(col("m_post_id")), "left");
    // fields by position, found once: by name, each row's every field was a lookup in the schema
    // (7 % of the stage that builds these rows at scale 20)
    StructType in = joined.schema();
    int[] at = POST_COLUMNS.stream().mapToInt(in::fieldIndex).toArray();
    Fields f = new Fields(at, in.fieldIndex("snaps"), in.fieldIndex("decreasing_snapshots"));
    MapFunction<Row, Row> row = r -> row(r, areas, f);
    return joined.map(row, Encoders.row(SCHEMA));
  }

  /** Where {@link #row} finds the post's columns, its snapshots and its decreasing count. */
  private record Fields(int[] post, int snaps, int decreasing) implements java.io.Serializable {}

  private static final int REGION_CODE = POST_COLUMNS.indexOf("region_code");
  private static final int PUBLISHED_AT = POST_COLUMNS.indexOf("published_at");
  private static final int PUBLISHED_DATE = POST_COLUMNS.indexOf("published_date");

  private static Row row(Row r, PostAreas areas, Fields f) {
    List<Object> out = new ArrayList<>(SCHEMA.size());
    for (int i : f.post()) {
      out.add(r.get(i));
    }
    PostAreas.Area area = areas.of((String) out.get(REGION_CODE), ((Date) out.get(PUBLISHED_DATE)).toLocalDate());
    out.add(area.province());
    out.add(area.district());
    out.add(area.commune());
    out.add(area.newProvince());
    out.add(area.newCommune());
    out.add(area.exact());
    List<Row> snaps = r.isNullAt(f.snaps()) ? List.of() : r.getList(f.snaps());
    if (snaps.isEmpty()) {
      out.add(0);
      out.add(0);
      for (int i = out.size(); i < SCHEMA.size(); i++) {
        out.add(null);
      }
      return RowFactory.create(out.toArray());
    }
    List<Growth.Snapshot> list = new ArrayList<>(snaps.size());
    for (Row s : snaps) {
      // the struct's fields in the order of(…) collects them
      list.add(new Growth.Snapshot(seconds((Timestamp) s.get(0)), s.getLong(1), s.getLong(2), s.getLong(3),
          s.isNullAt(4) ? null : s.getLong(4)));
    }
    Growth.Result g = Growth.of(seconds((Timestamp) out.get(PUBLISHED_AT)), list);
    out.add(g.snapshots());
    out.add((int) r.getLong(f.decreasing()));
    out.add(g.shares());
    out.add(g.comments());
    out.add(g.reactions());
    out.add(g.views());
    out.add(g.interactions());
    for (PostAge a : PostAge.values()) {
      Growth.AtAge at = g.at(a);
      out.add(at.covered());
      out.add(at.shares());
      out.add(at.comments());
      out.add(at.reactions());
      out.add(at.interactions());
    }
    return RowFactory.create(out.toArray());
  }

  private static long seconds(Timestamp t) {
    return Math.floorDiv(t.getTime(), 1000L);
  }
}
