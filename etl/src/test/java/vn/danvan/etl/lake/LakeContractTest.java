package vn.danvan.etl.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import vn.danvan.contract.Column;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.PostAge;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.GenerateCommand;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.SqlFile;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The Parquet layout is the contract between the etl (Spark writes) and the warehouse (DuckDB
 * reads): the warehouse's own views over a snapshot Spark just wrote show every table, every row and
 * every column with the type the data contract implies.
 */
class LakeContractTest {
  private static final SqlFile VIEW_COLUMNS = SqlFile.load(LakeContractTest.class, "view_columns");
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start("lake-contract");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void warehouse_views_read_what_spark_wrote(@TempDir Path tmp) {
    Path landing = tmp.resolve("landing");
    Path lakeDir = tmp.resolve("lake");
    assertThat(new CommandLine(new GenerateCommand()).execute("--out", landing.toString(),
        "--years", "2024-2025", "--scale", "0.01", "--seed", "5")).isZero();
    LoadJob.run(spark, LoadConfig.of(landing, lakeDir, LocalDate.of(2026, 1, 15)), message -> { });

    try (Warehouse warehouse = Warehouse.open(vn.danvan.contract.Lake.at(lakeDir))) {
      JsonNode tables = warehouse.loadReport().orElseThrow().path("tables");
      Map<LakeTable, Long> counts = warehouse.tableCounts(RegionScope.country());
      Map<String, Long> expected = new LinkedHashMap<>();
      Map<String, Long> actual = new LinkedHashMap<>();
      for (Table table : Table.values()) {
        LakeTable view = LakeTable.forFolder(table.folder()).orElseThrow(
            () -> new AssertionError("the warehouse does not know lake table " + table.folder()));
        assertThat(view.partitionedByYear()).as(table.folder() + " partitioned by year")
            .isEqualTo(table.partitioned());
        expected.put(table.folder(), tables.path(table.folder()).path("rows_in_lake").asLong(-1));
        actual.put(table.folder(), counts.getOrDefault(view, -1L));
        assertThat(columns(warehouse, view)).as("columns of view %s", table.folder())
            .isEqualTo(expectedColumns(table));
      }
      assertThat(actual).isEqualTo(expected);
      assertThat(expected.values()).allMatch(n -> n > 0);

      // the marts, as docs/marts.md describes them
      assertThat(columns(warehouse, LakeTable.INDICATOR_VALUES)).isEqualTo(sorted(Map.ofEntries(
          Map.entry("indicator", "VARCHAR"), Map.entry("boundaries", "VARCHAR"),
          Map.entry("level", "VARCHAR"), Map.entry("region_code", "VARCHAR"),
          Map.entry("grain", "VARCHAR"), Map.entry("period", "VARCHAR"), Map.entry("year", "INTEGER"),
          Map.entry("value", "DOUBLE"), Map.entry("source", "VARCHAR"), Map.entry("exact", "BOOLEAN"),
          Map.entry("method", "VARCHAR"))));
      assertThat(columns(warehouse, LakeTable.MART_REGIONS)).isEqualTo(sorted(Map.ofEntries(
          Map.entry("boundaries", "VARCHAR"), Map.entry("level", "VARCHAR"),
          Map.entry("region_code", "VARCHAR"), Map.entry("name", "VARCHAR"),
          Map.entry("parent_code", "VARCHAR"), Map.entry("valid_from", "DATE"),
          Map.entry("valid_to", "DATE"))));
      assertThat(counts.get(LakeTable.INDICATOR_VALUES)).isPositive();
      assertThat(counts.get(LakeTable.MART_REGIONS)).isPositive();

      // the outreach mart (docs/outreach.md): one row per post, a column set per age of both sides
      assertThat(counts.get(LakeTable.POST_STATS)).isEqualTo(expected.get("posts"));
      Map<String, String> postStats = columns(warehouse, LakeTable.POST_STATS);
      assertThat(postStats).hasSize(vn.danvan.etl.outreach.PostStats.SCHEMA.size() + 3 * 3)
          .containsEntry("published_at", "TIMESTAMP WITH TIME ZONE").containsEntry("published_date", "DATE")
          .containsEntry("interactions", "BIGINT").containsEntry("n_exact", "BOOLEAN");
      for (vn.danvan.contract.PostAge age : vn.danvan.contract.PostAge.values()) {
        assertThat(postStats).containsEntry("covered_" + age.code(), "BOOLEAN")
            .containsEntry("interactions_" + age.code(), "DOUBLE").containsEntry("benchmark_" + age.code(), "DOUBLE")
            .containsEntry("benchmark_posts_" + age.code(), "INTEGER").containsEntry("score_" + age.code(), "DOUBLE");
      }
    }
  }

  private static Map<String, String> columns(Warehouse warehouse, LakeTable view) {
    List<String[]> rows = warehouse.read(RegionScope.country(), session -> session.query(
        VIEW_COLUMNS.withTable("table", view), r -> new String[] {r.getString(1), r.getString(2)}));
    Map<String, String> out = new LinkedHashMap<>();
    rows.forEach(r -> out.put(r[0], r[1]));
    return sorted(out);
  }

  /** What the data contract implies: names as in the contract, types by column kind. */
  private static Map<String, String> expectedColumns(Table table) {
    Map<Column.Type, String> duck = new EnumMap<>(Column.Type.class);
    duck.put(Column.Type.STRING, "VARCHAR");
    duck.put(Column.Type.CODE, "VARCHAR");
    duck.put(Column.Type.DATE, "DATE");
    duck.put(Column.Type.TIMESTAMP, "TIMESTAMP WITH TIME ZONE");
    duck.put(Column.Type.YEAR, "INTEGER");
    duck.put(Column.Type.COUNT, "BIGINT");
    duck.put(Column.Type.MONEY, "BIGINT");
    duck.put(Column.Type.DECIMAL, "DOUBLE");
    duck.put(Column.Type.FRACTION, "DOUBLE");
    duck.put(Column.Type.WEIGHT, "DOUBLE");
    Map<String, String> out = new LinkedHashMap<>();
    table.columns().forEach(c -> out.put(c.name(), duck.get(c.type())));
    switch (table) {
      case POSTS -> out.put("published_date", "DATE");
      case POST_METRICS -> {
        out.put("observed_date", "DATE");
        out.put("decreasing", "BOOLEAN");
      }
      default -> { }
    }
    if (table.partitioned()) {
      out.put("year", "INTEGER");
    }
    return sorted(out);
  }

  private static Map<String, String> sorted(Map<String, String> columns) {
    return new TreeMap<>(columns);
  }
}
