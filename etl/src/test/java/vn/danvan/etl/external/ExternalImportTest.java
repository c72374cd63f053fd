package vn.danvan.etl.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.Level;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.TestLanding;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.MapValue;
import vn.danvan.warehouse.indicators.RankedValue;
import vn.danvan.warehouse.indicators.SeriesPoint;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The PAPI import over the real files into a lake loaded by the real load job, served by the
 * warehouse as {@code /api/series} and {@code /api/map} read it; then a load after the import.
 * The lake's population (2019): old 02 Hà Giang 854,679 and old 08 Tuyên Quang 784,811, which
 * merged into new 08 Tuyên Quang; old 06 Bắc Kạn and 19 Thái Nguyên (into new 19) have none.
 */
class ExternalImportTest {
  private static SparkSession spark;
  private static Path lake;
  private static String loaded;
  private static ExternalImport.Result imported;
  private static String failedImportLeft;
  private static ExternalImport.Result reimported;
  private static String reloaded;
  private static Warehouse afterImport;
  private static Warehouse afterLoad;

  @BeforeAll
  static void loadImportAndLoadAgain() throws Exception {
    Path papi = PapiReference.folder();
    spark = TestSpark.start("external-import");
    Path dir = Files.createTempDirectory(Path.of("target"), "external-import-");
    lake = dir.resolve("lake");
    load(new TestLanding(dir.resolve("landing1")).csv("population", "p.csv", "region_code,year,population",
        "02,2019,854679", "08,2019,784811").root());
    loaded = Lake.at(lake).current().orElseThrow();
    imported = ExternalImport.run(spark, new ExternalImport.Config(lake, ExternalSource.PAPI, List.of(papi),
        Clock.systemUTC()));
    afterImport = Warehouse.open(vn.danvan.contract.Lake.at(lake));

    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    for (String f : List.of(PapiFiles.PROVINCES, PapiFiles.SUBCRITERIA, "2011.csv")) {
      Files.copy(papi.resolve(f), bad.resolve(f));
    }
    Files.writeString(bad.resolve("2012.csv"), "Province,SC11\nP01,x\n");
    try {
      ExternalImport.run(spark, new ExternalImport.Config(lake, ExternalSource.PAPI, List.of(bad), Clock.systemUTC()));
    } catch (IllegalArgumentException expected) {
      failedImportLeft = Lake.at(lake).current().orElseThrow();
    }

    // the same source again: its earlier values are replaced, not doubled
    reimported = ExternalImport.run(spark, new ExternalImport.Config(lake, ExternalSource.PAPI, List.of(papi),
        Clock.systemUTC()));

    // a later load with new population only: Hà Giang's 2019 figure replaced by Tuyên Quang's
    load(new TestLanding(dir.resolve("landing2")).csv("population", "p.csv", "region_code,year,population",
        "02,2019,784811").root());
    reloaded = Lake.at(lake).current().orElseThrow();
    afterLoad = Warehouse.open(vn.danvan.contract.Lake.at(lake));
  }

  @AfterAll
  static void close() {
    if (afterImport != null) {
      afterImport.close();
      afterLoad.close();
    }
  }

  private static void load(Path landing) {
    LoadJob.run(spark, LoadConfig.of(landing, lake, LocalDate.of(2025, 12, 31)), m -> { });
  }

  @Test
  void publishes_a_new_snapshot_that_keeps_every_table_of_the_current_one() throws Exception {
    assertThat(imported.previous()).isEqualTo(loaded);
    assertThat(imported.snapshot()).isNotEqualTo(loaded);
    Path before = Lake.at(lake).snapshot(loaded);
    Path after = Lake.at(lake).snapshot(imported.snapshot());
    List<String> beforeEntries = entries(before);
    List<String> afterEntries = entries(after);
    assertThat(afterEntries).containsAll(beforeEntries).contains("external_values", "external_indicator_values");
    assertThat(spark.read().parquet(after.resolve("indicator_values").toString()).count())
        .isEqualTo(spark.read().parquet(before.resolve("indicator_values").toString()).count());
    assertThat(entries(before)).doesNotContain("external_values");
  }

  @Test
  void keeps_every_cell_of_the_source_and_its_blanks_as_missing() {
    Path snapshot = Lake.at(lake).snapshot(imported.snapshot()).resolve("external_values");
    // 25,578 CSV cells (63 x 29 x 14) + 2,646 workbook cells (6 x 63 x 7)
    assertThat(spark.read().parquet(snapshot.toString()).count()).isEqualTo(25_578 + 2_646);
    // 3,687 blank CSV cells + 14 blank workbook cells (2014: two provinces x 7)
    assertThat(spark.read().parquet(snapshot.toString()).where("value IS NULL").count()).isEqualTo(3_687 + 14);
    assertThat(spark.read().parquet(snapshot.toString()).where("value = 0").count()).isZero();
    assertThat(afterImport.tableCounts(RegionScope.country()))
        .containsEntry(LakeTable.EXTERNAL_VALUES, 28_224L);
  }

  @Test
  void ha_noi_series_through_the_warehouse_equals_the_source_file() {
    SeriesResult r = series("papi_sc11", "01", Boundaries.REPORTED, afterImport);
    assertThat(r.from()).isEqualTo(2011);
    assertThat(r.to()).isEqualTo(2024);
    assertThat(r.unit()).isEqualTo("điểm");
    Map<String, Double> files = new TreeMap<>();
    for (int y = 2011; y <= 2024; y++) {
      files.put(String.valueOf(y), Double.valueOf(PapiReference.cell(y, "P01", "SC11")));
    }
    assertThat(byPeriod(r)).isEqualTo(files).hasSize(14);
    assertThat(r.series().get(0).points()).allSatisfy(p -> {
      assertThat(p.source()).isEqualTo("external");
      assertThat(p.exact()).isTrue();
    });
  }

  @Test
  void a_blank_cell_is_served_as_no_value() {
    // P15 Bắc Giang (24) is blank in 2014.csv
    SeriesResult r = series("papi_sc11", "24", Boundaries.REPORTED, afterImport);
    SeriesPoint p2014 = r.series().get(0).points().stream().filter(p -> p.period().equals("2014")).findFirst()
        .orElseThrow();
    assertThat(p2014.value()).isNull();
    assertThat(p2014.source()).isNull();
    MapValue bacGiang = map("papi_sc11", 2014, Boundaries.REPORTED).stream()
        .filter(v -> v.region().equals("24")).findFirst().orElseThrow();
    assertThat(bacGiang.value()).isNull();
  }

  @Test
  void the_map_and_ranking_list_the_63_provinces() {
    List<MapValue> values = map("papi_sc11", 2019, Boundaries.REPORTED);
    assertThat(values).hasSize(63).allMatch(v -> v.value() != null);
    assertThat(values.stream().filter(v -> v.region().equals("01")).findFirst().orElseThrow().value())
        .isEqualTo(0.736254454);
    List<RankedValue> ranked = new IndicatorQueries(afterImport, IndicatorCatalogue.load()).ranking(
        RegionScope.country(), new MapRequest("papi_sc11", 2019, Level.PROVINCE, Boundaries.REPORTED)).regions();
    assertThat(ranked).hasSize(63);
  }

  @Test
  void restates_a_merged_province_as_the_population_weighted_mean() {
    // new 08 = old 02 Hà Giang (P02, 2019: 0.786585271) + old 08 Tuyên Quang (P05: 0.856506109):
    // (0.786585271 x 854,679 + 0.856506109 x 784,811) / (854,679 + 784,811) = 0.82005582757
    SeriesPoint p = point(series("papi_sc11", "08", Boundaries.RESTATED_2025, afterImport), "2019");
    assertThat(p.value()).isCloseTo(0.82005582757, within(1e-9));
    assertThat(p.exact()).isFalse();
    assertThat(p.method()).isEqualTo("population");
    // 2011 has no population: weighed by the nearest year's (2019):
    // (0.937742 x 854,679 + 1.134707 x 784,811) / 1,639,490 = 1.03202...
    double w2011 = (0.937742 * 854_679 + 1.134707 * 784_811) / 1_639_490;
    assertThat(point(series("papi_sc11", "08", Boundaries.RESTATED_2025, afterImport), "2011").value())
        .isCloseTo(w2011, within(1e-12));
    // new 19 = old 06 Bắc Kạn (P04: 0.834691286) + old 19 Thái Nguyên (P12: 0.776500702), no
    // population at all: equal weights, (0.834691286 + 0.776500702) / 2 = 0.805595994
    SeriesPoint equal = point(series("papi_sc11", "19", Boundaries.RESTATED_2025, afterImport), "2019");
    assertThat(equal.value()).isCloseTo(0.805595994, within(1e-12));
    assertThat(equal.method()).isEqualTo("equal");
    // Hà Nội was not merged: its own value, exact
    SeriesPoint haNoi = point(series("papi_sc11", "01", Boundaries.RESTATED_2025, afterImport), "2019");
    assertThat(haNoi.value()).isEqualTo(0.736254454);
    assertThat(haNoi.exact()).isTrue();
    assertThat(map("papi_sc11", 2019, Boundaries.RESTATED_2025)).hasSize(34);
  }

  @Test
  void no_restated_value_where_a_merged_province_is_blank() {
    // 2014: old 24 Bắc Giang is blank; new 24 Bắc Ninh = old 24 + old 27 Bắc Ninh (which has a score)
    SeriesPoint p = point(series("papi_sc11", "24", Boundaries.RESTATED_2025, afterImport), "2014");
    assertThat(p.value()).isNull();
  }

  @Test
  void a_failed_import_leaves_the_current_snapshot_and_no_staging() throws Exception {
    assertThat(failedImportLeft).isEqualTo(imported.snapshot());
    assertThat(entries(Lake.at(lake).stagingDir())).isEmpty();
  }

  @Test
  void an_import_failing_after_staging_began_leaves_no_trace(@TempDir Path copy) throws Exception {
    // a copy of the lake whose current snapshot's external values are unreadable: the import has
    // locked the lake and staged the other tables when reading them fails
    Path damaged = copy.resolve("lake");
    try (var walk = Files.walk(lake)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = damaged.resolve(lake.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Lake copied = Lake.at(damaged);
    String current = copied.current().orElseThrow();
    try (var files = Files.list(copied.snapshot(current).resolve("external_values"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.writeString(f, "not parquet");
      }
    }
    assertThatThrownBy(() -> ExternalImport.run(spark, new ExternalImport.Config(damaged, ExternalSource.PAPI,
        List.of(PapiReference.folder()), Clock.systemUTC()))).isNotNull();
    assertThat(copied.current()).contains(current);
    assertThat(copied.snapshotIds()).hasSize(Lake.at(lake).snapshotIds().size());
    assertThat(entries(copied.stagingDir())).isEmpty();
  }

  @Test
  void importing_the_same_source_again_replaces_its_values() {
    assertThat(imported.replaced()).isZero();
    assertThat(reimported.previous()).isEqualTo(imported.snapshot());
    assertThat(reimported.replaced()).isEqualTo(28_224);
    assertThat(spark.read().parquet(Lake.at(lake).snapshot(reimported.snapshot()).resolve("external_values")
        .toString()).count()).isEqualTo(28_224);
  }

  @Test
  void a_later_load_carries_the_external_values_forward_and_restates_them_anew() {
    assertThat(reloaded).isNotEqualTo(reimported.snapshot());
    assertThat(afterLoad.snapshotId()).contains(reloaded);
    assertThat(afterLoad.tableCounts(RegionScope.country())).containsEntry(LakeTable.EXTERNAL_VALUES, 28_224L);
    assertThat(byPeriod(series("papi_sc11", "01", Boundaries.REPORTED, afterLoad)))
        .isEqualTo(byPeriod(series("papi_sc11", "01", Boundaries.REPORTED, afterImport)));
    // Hà Giang's 2019 population now equals Tuyên Quang's: the plain mean
    // (0.786585271 + 0.856506109) / 2 = 0.82154569
    assertThat(point(series("papi_sc11", "08", Boundaries.RESTATED_2025, afterLoad), "2019").value())
        .isCloseTo(0.82154569, within(1e-12));
  }

  private static SeriesResult series(String indicator, String regions, Boundaries b, Warehouse warehouse) {
    return new IndicatorQueries(warehouse, IndicatorCatalogue.load()).series(RegionScope.country(),
        new SeriesRequest(indicator, Arrays.asList(regions.split(",")), OptionalInt.empty(), OptionalInt.empty(),
            Grain.YEAR, b, false, false));
  }

  private static List<MapValue> map(String indicator, int year, Boundaries b) {
    return new IndicatorQueries(afterImport, IndicatorCatalogue.load()).map(RegionScope.country(),
        new MapRequest(indicator, year, Level.PROVINCE, b)).values();
  }

  private static SeriesPoint point(SeriesResult r, String period) {
    return r.series().get(0).points().stream().filter(p -> p.period().equals(period)).findFirst().orElseThrow();
  }

  private static Map<String, Double> byPeriod(SeriesResult r) {
    Map<String, Double> out = new TreeMap<>();
    r.series().get(0).points().forEach(p -> out.put(p.period(), p.value()));
    return out;
  }

  private static List<String> entries(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (var s = Files.list(dir)) {
      return new ArrayList<>(s.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
