package vn.danvan.etl.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.etl.contract.Table;
import vn.danvan.etl.load.TestSpark;

/**
 * The whole demo at scale 1, through the packaged jar as {@code bin/danvan} runs it: every table
 * reconciles, and the quarantine holds exactly the rows the generator planted, each with the reason
 * it was planted for — no planted row lands, no clean row is quarantined.
 */
class GeneratedLoadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start("generated-load-it");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void scale_one_reconciles_and_quarantines_exactly_the_planted_rows(@TempDir Path tmp) throws Exception {
    Path landing = tmp.resolve("landing");
    Path lake = tmp.resolve("lake");
    try (ChildJvm gen = ChildJvm.danvan(List.of("generate", "--out", landing.toString(),
        "--scale", "1", "--seed", "3"))) {
      assertThat(gen.waitFor(Duration.ofMinutes(5))).as(gen.output()).isZero();
    }
    long t0 = System.nanoTime();
    String output;
    try (ChildJvm load = ChildJvm.start(Map.of(), List.of("-Xmx6g"), "vn.danvan.etl.cli.Main",
        List.of("load", landing.toString(), "--lake", lake.toString()))) {
      assertThat(load.waitFor(Duration.ofMinutes(8))).as(load.output()).isZero();
      output = load.output();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("[it] scale 1 load through the CLI: %.1f s%n", seconds);
    assertThat(output).contains("[load] published snapshot");

    Path snapshot = lake.resolve("snapshots")
        .resolve(Files.readString(lake.resolve("CURRENT"), StandardCharsets.UTF_8).trim());
    JsonNode tables = JSON.readTree(snapshot.resolve("_load_report.json").toFile()).path("tables");
    long read = 0;
    for (Table table : Table.values()) {
      JsonNode t = tables.path(table.folder());
      assertThat(t.path("read").asLong()).as("%s: read = landed + quarantined", table.folder())
          .isEqualTo(t.path("landed").asLong() + t.path("quarantined").asLong());
      read += t.path("read").asLong();
    }
    assertThat(read).as("rows read in all at scale 1").isGreaterThan(1_000_000);

    // Spark treats files whose names start with '_' as hidden, even when named: read a copy
    Path plantedCsv = Files.copy(landing.resolve("_planted.csv"), tmp.resolve("planted.csv"));
    Dataset<Row> planted = spark.read().option("header", "true")
        .csv(plantedCsv.toString()).select("table", "row_key", "reason");
    Dataset<Row> quarantined = quarantine(snapshot);
    assertThat(planted.count()).as("planted rows").isGreaterThan(1000);
    assertThat(planted.exceptAll(quarantined).collectAsList()).as("planted but not quarantined").isEmpty();
    assertThat(quarantined.exceptAll(planted).collectAsList()).as("quarantined but not planted").isEmpty();
    assertThat(byReason(quarantined)).isEqualTo(byReason(planted));

    martsMatchTheLandedRows(snapshot);
  }

  /**
   * activity_sessions is computed from records only: its marts must equal sums worked out here
   * from the landed activities and the regions, by another route (SQL over the landed tables).
   */
  private static void martsMatchTheLandedRows(Path snapshot) {
    spark.read().parquet(snapshot.resolve("activities").toString()).createOrReplaceTempView("acts");
    spark.read().parquet(snapshot.resolve("regions").toString()).createOrReplaceTempView("regs");
    spark.read().parquet(snapshot.resolve("region_lineage").toString()).createOrReplaceTempView("lin");
    spark.read().parquet(snapshot.resolve("indicator_values").toString())
        .where(col("indicator").equalTo("activity_sessions")).createOrReplaceTempView("mart");
    assertThat(pairs("select cast(year(start_date) as string), sum(sessions) from acts"
        + " where sessions is not null group by 1"))
        .as("nation by year").isEqualTo(pairs("select period, value from mart"
            + " where boundaries = '2025' and level = 'nation' and grain = 'year'"))
        .hasSizeGreaterThan(9);
    assertThat(pairs("select date_format(start_date, 'yyyy-MM'), sum(sessions) from acts"
        + " where sessions is not null group by 1"))
        .as("nation by month").isEqualTo(pairs("select period, value from mart"
            + " where boundaries = 'reported' and level = 'nation' and grain = 'month'"));
    // 2019: old codes; commune -> district -> province, then the province lineage into the 34
    String oldRegs = "(select code, parent_code from regs where valid_from < date'2025-07-01')";
    assertThat(pairs("select l.new_code, sum(a.sessions) from acts a"
        + " left join " + oldRegs + " c on a.region_code = c.code"
        + " left join " + oldRegs + " d on c.parent_code = d.code"
        + " join lin l on l.old_code = case length(a.region_code) when 2 then a.region_code"
        + "   when 3 then c.parent_code else d.parent_code end"
        + " where year(a.start_date) = 2019 and a.sessions is not null group by 1"))
        .as("2019 restated onto the 34 provinces").isEqualTo(pairs("select region_code, value from mart"
            + " where boundaries = '2025' and level = 'province' and period = '2019'"))
        .hasSize(34);
  }

  private static Map<String, Double> pairs(String sql) {
    Map<String, Double> out = new java.util.TreeMap<>();
    for (Row r : spark.sql(sql).collectAsList()) {
      out.put(r.getString(0), ((Number) r.get(1)).doubleValue());
    }
    return out;
  }

  private static Dataset<Row> quarantine(Path snapshot) {
    List<Dataset<Row>> parts = new ArrayList<>();
    for (Table table : Table.values()) {
      Path dir = snapshot.resolve("quarantine").resolve(table.folder());
      if (Files.isDirectory(dir)) {
        parts.add(spark.read().parquet(dir.toString())
            .select(lit(table.folder()).as("table"), col("row_key"), col("reason")));
      }
    }
    return parts.stream().reduce(Dataset::union).orElseThrow();
  }

  private static Map<String, Long> byReason(Dataset<Row> rows) {
    Map<String, Long> out = new TreeMap<>();
    rows.groupBy("table", "reason").count().collectAsList()
        .forEach(r -> out.put(r.getString(0) + "/" + r.getString(1), r.getLong(2)));
    return out;
  }
}
