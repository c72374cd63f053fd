package vn.danvan.etl.it;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Level;
import vn.danvan.contract.Stratum;
import vn.danvan.contract.Table;
import vn.danvan.etl.load.DryRunAgreement;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.MapValue;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.EstimatesResult;
import vn.danvan.warehouse.survey.SurveyCell;
import vn.danvan.warehouse.survey.SurveyQueries;

/**
 * The whole demo at scale 1, through the packaged jar as {@code bin/danvan} runs it: every table
 * reconciles, and the quarantine holds exactly the rows the generator planted, each with the reason
 * it was planted for — no planted row lands, no clean row is quarantined. Then the analysts'
 * notebooks run headless on that lake and must show the figures the warehouse serves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedLoadIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration NOTEBOOK_TIMEOUT = Duration.ofMinutes(5);
  private static SparkSession spark;
  @TempDir
  static Path tmp;
  /** The lake the first test loaded; the notebook tests read it. */
  private static Path loadedLake;
  private static Path loadedSnapshot;

  @BeforeAll
  static void startSpark() {
    spark = TestSpark.start("generated-load-it");
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  @Order(1)
  void scale_one_reconciles_and_quarantines_exactly_the_planted_rows() throws Exception {
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
      assertThat(load.waitFor(Duration.ofMinutes(20))).as(load.output()).isZero();
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
    loadedLake = lake;
    loadedSnapshot = snapshot;
  }

  /**
   * The intake's goal on the generator's planted rows (CSV and the Excel provinces' workbooks):
   * a dry run of the intake tables' files flags exactly the rows this load quarantined, with the
   * same reasons and failed checks.
   */
  @Test
  @Order(2)
  void the_dry_run_flags_exactly_the_planted_rows_the_load_quarantined() throws Exception {
    lake();
    java.time.LocalDate asOf = java.time.LocalDate.parse(JSON.readTree(loadedSnapshot.resolve("_load_report.json")
        .toFile()).path("as_of").asText());
    long t0 = System.nanoTime();
    List<String> flagged = DryRunAgreement.dryRun(spark, tmp.resolve("landing"), loadedSnapshot, asOf);
    System.out.printf("[it] dry run of the intake tables at scale 1: %.1f s%n", (System.nanoTime() - t0) / 1e9);
    List<String> quarantined = DryRunAgreement.quarantine(spark, loadedSnapshot);
    assertThat(quarantined).as("quarantined rows of the intake tables").hasSizeGreaterThan(500);
    assertThat(flagged).containsExactlyInAnyOrderElementsOf(quarantined);
  }

  @Test
  @Order(3)
  void trends_notebook_shows_the_figures_the_warehouse_serves() throws Exception {
    Path lake = lake();
    Path summaryFile = tmp.resolve("notebooks").resolve("trends-summary.json");
    Notebooks.ofProject().execute("trends.ipynb", Map.of("DANVAN_LAKE", lake.toString(),
        "DANVAN_NOTEBOOK_OUT", summaryFile.toString()), tmp.resolve("notebooks"), NOTEBOOK_TIMEOUT);
    assertThat(summaryFile).as("the notebook's summary (DANVAN_NOTEBOOK_OUT)").isRegularFile();
    JsonNode summary = JSON.readTree(summaryFile.toFile());
    JsonNode s = summary.path("series");
    String indicator = s.path("indicator").asText();
    String region = s.path("region").asText();
    int from = s.path("from").asInt();
    int to = s.path("to").asInt();
    int year = summary.path("consistency_year").asInt();
    try (Warehouse warehouse = Warehouse.open(Lake.at(lake))) {
      IndicatorQueries queries = new IndicatorQueries(warehouse, IndicatorCatalogue.load());
      assertThat(summary.path("snapshot").asText()).isEqualTo(warehouse.snapshotId().orElseThrow());
      for (Boundaries b : Boundaries.values()) {
        Map<String, Double> served = new TreeMap<>();
        queries.series(RegionScope.country(), new SeriesRequest(indicator, List.of(region),
            OptionalInt.of(from), OptionalInt.of(to), Grain.YEAR, b, false, false)).series().get(0)
            .points().forEach(p -> served.put(p.period(), p.value()));
        String field = b == Boundaries.RESTATED_2025 ? "points" : "reported_points";
        assertThat(doubles(s.path(field))).as("%s of %s, boundaries=%s, %d-%d", indicator, region,
            b.code(), from, to).isEqualTo(served).hasSize(to - from + 1);
        assertThat(served.values()).as("figures of %s (boundaries=%s)", region, b.code())
            .filteredOn(v -> v != null && v > 0).hasSizeGreaterThan(5);
      }
      List<MapValue> map = queries.map(RegionScope.country(), new MapRequest(indicator,
          summary.path("map").path("year").asInt(), Level.COMMUNE, Boundaries.RESTATED_2025)).values();
      assertThat(summary.path("map").path("regions").asInt()).as("communes on the map").isEqualTo(map.size());
      assertThat(summary.path("map").path("with_value").asLong()).as("communes with a figure")
          .isEqualTo(map.stream().filter(v -> v.value() != null).count()).isPositive();
      // the generator plants breakdowns that do not add up (ReportValuesGen): none is no check
      assertThat(summary.path("consistency_mismatches").asInt()).as("mismatches in %d", year)
          .isEqualTo(queries.consistency(RegionScope.country(), "VN", year).size()).isPositive();
      // a notebook reads the survey mart as the API does, and no withheld cell carries a figure
      JsonNode survey = summary.path("survey");
      EstimatesResult served = new SurveyQueries(warehouse, IndicatorCatalogue.load()).estimates(RegionScope.country(),
          new EstimatesRequest(survey.path("indicator").asText(), List.of(survey.path("regions").asText().split(",")),
              Optional.empty(), Stratum.TOTAL, Boundaries.RESTATED_2025));
      List<SurveyCell> cells = served.regions().stream().flatMap(r -> r.cells().stream()).toList();
      assertThat(survey.path("cells").asInt()).as("survey cells").isEqualTo(cells.size()).isPositive();
      assertThat(survey.path("withheld").asInt()).as("withheld survey cells")
          .isEqualTo(cells.stream().filter(c -> c.flags().contains("suppressed")).count()).isPositive();
      assertThat(survey.path("withheld_with_figure").asInt()).isZero();
      assertThat(survey.path("view_withheld_with_figure").asInt()).isZero();
    }
  }

  @Test
  @Order(4)
  void lake_overview_notebook_runs_on_the_loaded_lake() throws Exception {
    Notebooks.ofProject().execute("lake-overview.ipynb", Map.of("DANVAN_LAKE", lake().toString()),
        tmp.resolve("notebooks"), NOTEBOOK_TIMEOUT);
  }

  private static Path lake() {
    assertThat(loadedLake).as("the lake of scale_one_reconciles_and_quarantines_exactly_the_planted_rows,"
        + " which must run (and pass) first").isNotNull();
    return loadedLake;
  }

  private static Map<String, Double> doubles(JsonNode points) {
    Map<String, Double> out = new TreeMap<>();
    points.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? null
        : e.getValue().asDouble()));
    return out;
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
    // 2019, old codes. A commune linked to new communes of one new province moves whole into it
    // (whatever the weights); any other record reaches the 34 through its old province's lineage
    // (a commune's parent is its district, or its province for the few the 2024 list has no
    // district for). Provinces that receive part of a commune split across provinces are left
    // out (apportioned).
    String oldRegs = "(select code, parent_code from regs where valid_from < date'2025-07-01')";
    spark.sql("select l.old_code, min(n.parent_code) as p, count(distinct n.parent_code) as k from lin l"
        + " join regs n on n.code = l.new_code and n.valid_from >= date'2025-07-01' and length(n.code) = 5"
        + " where length(l.old_code) = 5 group by l.old_code").createOrReplaceTempView("moved");
    String acts2019 = "select a.region_code, a.sessions, m.p, m.k, pl.new_code as via_province from acts a"
        + " left join " + oldRegs + " c on a.region_code = c.code"
        + " left join " + oldRegs + " d on c.parent_code = d.code"
        + " left join moved m on m.old_code = a.region_code"
        + " join lin pl on pl.old_code = case when length(a.region_code) = 2 then a.region_code"
        + "   when length(c.parent_code) = 2 then c.parent_code else d.parent_code end"
        + " where year(a.start_date) = 2019 and a.sessions is not null";
    spark.sql(acts2019).createOrReplaceTempView("acts2019");
    assertThat(spark.sql("select count(*) from acts where year(start_date) = 2019 and sessions is not null")
        .first().getLong(0)).as("2019 records that found their old province")
        .isEqualTo(spark.table("acts2019").count());
    Set<String> split = new TreeSet<>(pairs("select n.parent_code, 0 from moved m join lin l"
        + " on l.old_code = m.old_code join regs n on n.code = l.new_code and n.valid_from >= date'2025-07-01'"
        + " where m.k > 1 union select a.via_province, 0 from acts2019 a where a.k > 1").keySet());
    Map<String, Double> expected = pairs("select coalesce(case when k = 1 then p end, via_province),"
        + " sum(sessions) from acts2019 group by 1");
    Map<String, Double> restated = pairs("select region_code, value from mart"
        + " where boundaries = '2025' and level = 'province' and period = '2019'");
    assertThat(restated).hasSize(34);
    expected.keySet().removeAll(split);
    restated.keySet().removeAll(split);
    assertThat(restated).as("2019 restated onto the 34 provinces (%s left out)", split)
        .isEqualTo(expected).hasSizeGreaterThan(20);
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
