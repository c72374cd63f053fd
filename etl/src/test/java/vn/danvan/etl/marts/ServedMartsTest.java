package vn.danvan.etl.marts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Level;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.MapValue;
import vn.danvan.warehouse.indicators.Mismatch;
import vn.danvan.warehouse.indicators.RankedValue;
import vn.danvan.warehouse.indicators.RegionSeries;
import vn.danvan.warehouse.indicators.SeriesPoint;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.indicators.TargetAttainment;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The warehouse's answers (what {@code /api/series}, {@code /api/map} and
 * {@code /api/consistency} return) on the lake Spark built from {@link MartsFixture}'s landing rows,
 * against figures worked out by hand from those rows: Spark writes, DuckDB serves, and neither is
 * trusted to check the other.
 */
class ServedMartsTest {
  static Warehouse warehouse;
  static IndicatorQueries queries;

  @BeforeAll
  static void open() {
    warehouse = Warehouse.open(Lake.at(MartsFixture.lake()));
    queries = new IndicatorQueries(warehouse, IndicatorCatalogue.load());
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  @Test
  void a_region_at_any_level_rolls_up_its_subtree() {
    // dialogues 2019: communes 00001 2 + 00004 4 + district 001's own 1 = 7; 00007 10; 00700 3
    SeriesResult r = series("dialogues", "VN,01,02,001,00001", 2019, 2019, Grain.YEAR, Boundaries.REPORTED);
    assertThat(values(r)).containsExactly(entry("VN", 20.0), entry("01", 17.0), entry("02", 3.0),
        entry("001", 7.0), entry("00001", 2.0));
    assertThat(r.unit()).isEqualTo("buổi");
    assertThat(r.series().get(0).name()).isEqualTo("Việt Nam");
    assertThat(r.series().get(1).name()).isEqualTo("Thành phố Hà Nội");
    assertThat(r.series().get(3).level()).isEqualTo("district");
    assertThat(r.snapshot()).isEqualTo(warehouse.snapshotId().orElseThrow());
  }

  @Test
  void every_grain_lists_each_period_and_no_data_is_null_not_zero() {
    // province 01, 2019 records: Mar 2, May 1, Aug 4, Nov 10
    assertThat(points("dialogues", "01", Grain.HALF, Boundaries.REPORTED)).containsExactly(3.0, 14.0);
    assertThat(points("dialogues", "01", Grain.QUARTER, Boundaries.REPORTED)).containsExactly(2.0, 1.0, 4.0, 10.0);
    assertThat(points("dialogues", "01", Grain.MONTH, Boundaries.REPORTED))
        .containsExactly(null, null, 2.0, null, 1.0, null, null, 4.0, null, null, 10.0, null);
    SeriesResult months = series("dialogues", "01", 2019, 2019, Grain.MONTH, Boundaries.REPORTED);
    assertThat(months.series().get(0).points().stream().map(SeriesPoint::period).toList())
        .startsWith("2019-01", "2019-02").endsWith("2019-12").hasSize(12);
  }

  @Test
  void restated_series_move_old_units_into_the_2025_ones_and_flag_apportioned_values() {
    // new 01 = old 01 (17); new 08 = old 02 (3); new commune 00004 = 2 + 0.75 x 4 + 0.6 x 10 = 11
    // (partial link without weight: by 2025 population 3,000 / 1,000); 00010 = 0.25 x 4 + 0.4 x 10 = 5
    SeriesResult r = series("dialogues", "01,08,00004,00010", 2019, 2019, Grain.YEAR, Boundaries.RESTATED_2025);
    assertThat(values(r).get("01")).isEqualTo(17.0);
    assertThat(values(r).get("08")).isEqualTo(3.0);
    assertThat(values(r).get("00004")).isCloseTo(11.0, within(1e-9));
    assertThat(values(r).get("00010")).isCloseTo(5.0, within(1e-9));
    SeriesPoint restated = r.series().get(2).points().get(0);
    assertThat(restated.exact()).isFalse();
    assertThat(restated.method()).isEqualTo("population");
    assertThat(r.series().get(0).points().get(0).exact()).isTrue();
    assertThat(r.series().get(2).name()).isEqualTo("Phường Bốn");
    // 2019-11: only 00007 (10), by its stated weights 0.6 / 0.4
    SeriesPoint nov = series("dialogues", "00010", 2019, 2019, Grain.MONTH, Boundaries.RESTATED_2025)
        .series().get(0).points().get(10);
    assertThat(nov.value()).isCloseTo(4.0, within(1e-9));
    assertThat(nov.method()).isEqualTo("weight");
  }

  @Test
  void a_unit_that_ceased_in_2025_exists_only_as_reported() {
    assertThatThrownBy(() -> series("dialogues", "02", 2019, 2019, Grain.YEAR, Boundaries.RESTATED_2025))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("02 is not a region of boundaries=2025")
        .extracting(e -> ((NotFoundException) e).parameter()).isEqualTo("region");
    assertThatThrownBy(() -> series("dialogues", "01,99999", 2019, 2019, Grain.YEAR, Boundaries.REPORTED))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("99999");
    assertThatThrownBy(() -> series("no_such_indicator", "01", 2019, 2019, Grain.YEAR, Boundaries.REPORTED))
        .isInstanceOf(NotFoundException.class).hasMessageStartingWith("indicator:");
  }

  @Test
  void the_2025_break_is_counted_once_and_the_default_span_is_the_years_with_figures() {
    // 2025: old 00004 in February 8, new 00010 in September 5 -> province 01 = 13 in both modes
    SeriesResult reported = queries.series(RegionScope.country(), new SeriesRequest("dialogues",
        List.of("01"), OptionalInt.empty(), OptionalInt.empty(), Grain.YEAR, Boundaries.REPORTED, true, false));
    assertThat(reported.from()).isEqualTo(2019);
    assertThat(reported.to()).isEqualTo(2025);
    assertThat(reported.series().get(0).points().stream().map(SeriesPoint::value).toList())
        .containsExactly(17.0, null, null, null, null, null, 13.0);
    assertThat(reported.boundaryChange()).isEqualTo("2025-07-01");
    // two points are too few for a trend line with a confidence interval
    assertThat(reported.series().get(0).trend()).isNull();
    assertThat(values(series("dialogues", "01", 2025, 2025, Grain.YEAR, Boundaries.RESTATED_2025)).get("01"))
        .isEqualTo(13.0);
    assertThat(points("dialogues", "01", 2025, Grain.HALF, Boundaries.REPORTED)).containsExactly(8.0, 5.0);
  }

  @Test
  void ratios_come_from_their_parts() {
    // 226 / 431 = 52.436...% (the report itself said 52.49)
    assertThat(values(series("new_rural_share", "01", 2019, 2019, Grain.YEAR, Boundaries.REPORTED)).get("01"))
        .isCloseTo(100.0 * 226 / 431, within(1e-9));
  }

  @Test
  void a_map_lists_every_unit_in_force_with_null_for_no_data() {
    // 2019: the 63 old provinces; only 01 (17) and 02 (3) have dialogues
    List<MapValue> provinces = queries.map(RegionScope.country(),
        new MapRequest("dialogues", 2019, Level.PROVINCE, Boundaries.REPORTED)).values();
    assertThat(provinces).hasSize(63).allMatch(MapValue::inForce);
    Map<String, Double> byCode = new LinkedHashMap<>();
    provinces.stream().filter(v -> v.value() != null).forEach(v -> byCode.put(v.region(), v.value()));
    assertThat(byCode).containsExactly(entry("01", 17.0), entry("02", 3.0));
    // 2025 restated communes: 00004 = 0.75 x 8 = 6, 00010 = 5 + 0.25 x 8 = 7
    List<MapValue> communes = queries.map(RegionScope.country(),
        new MapRequest("dialogues", 2025, Level.COMMUNE, Boundaries.RESTATED_2025)).values();
    assertThat(communes).extracting(MapValue::region).containsExactly("00004", "00010");
    assertThat(communes.get(0).value()).isCloseTo(6.0, within(1e-9));
    assertThat(communes.get(1).value()).isCloseTo(7.0, within(1e-9));
    assertThat(communes.get(1).exact()).isFalse();
    assertThatThrownBy(() -> new MapRequest("dialogues", 2025, Level.DISTRICT, Boundaries.RESTATED_2025))
        .isInstanceOf(InvalidParameterException.class).hasMessageStartingWith("level:");
  }

  @Test
  void per_capita_values_divide_by_the_year_s_population() {
    // commune 00004, 2019: 4 dialogue sessions, 500 inhabitants -> 4 / 500 x 10,000 = 80
    SeriesPoint p = dialogues2019PerCapita("00004", Boundaries.REPORTED);
    assertThat(p.population()).isEqualTo(500L);
    assertThat(p.per10k()).isCloseTo(80.0, within(1e-9));
  }

  @Test
  void per_capita_values_in_2025_mode_divide_by_the_restated_population() {
    // new commune 00004, 2019: 11 restated dialogue sessions; population restated the same way:
    // 00001 200 (full) + 0.75 x 500 (00004) + 0.6 x 1,000 (00007) = 1,175 -> 11 / 1,175 x 10,000
    SeriesPoint p = dialogues2019PerCapita("00004", Boundaries.RESTATED_2025);
    assertThat(p.population()).isEqualTo(1175L);
    assertThat(p.per10k()).isCloseTo(11.0 / 1175 * 10_000, within(1e-9));
    // new province 01, 2019: old province 01's own 9,000 stands for its communes (not 1,700)
    SeriesPoint province = dialogues2019PerCapita("01", Boundaries.RESTATED_2025);
    assertThat(province.population()).isEqualTo(9000L);
    assertThat(province.per10k()).isCloseTo(17.0 / 9000 * 10_000, within(1e-9));
  }

  @Test
  void rankings_put_the_highest_first_and_leave_no_data_unranked() {
    // dialogues 2019: 01 17, 02 3; the other 61 old provinces have none
    List<RankedValue> ranked = queries.ranking(RegionScope.country(),
        new MapRequest("dialogues", 2019, Level.PROVINCE, Boundaries.REPORTED)).regions();
    assertThat(ranked).hasSize(63);
    assertThat(ranked.subList(0, 2)).extracting(RankedValue::region, RankedValue::rank, RankedValue::outOf)
        .containsExactly(tuple("01", 1, 2), tuple("02", 2, 2));
    assertThat(ranked.get(2).rank()).isNull();
  }

  @Test
  void attainment_compares_each_target_with_the_region_s_figure() {
    // 01: 17 of 20 = 85 % (not met); 02: 3 of 2 = 150 % (met); 001: no gifts figure
    List<TargetAttainment> all = queries.attainment(RegionScope.country(), 2019, null);
    assertThat(all).extracting(TargetAttainment::region, TargetAttainment::indicator, TargetAttainment::percent,
        TargetAttainment::status).containsExactly(tuple("01", "dialogues", 85.0, "not_met"),
            tuple("02", "dialogues", 150.0, "met"), tuple("001", "gifts", null, "no_data"));
    assertThat(queries.attainment(RegionScope.country(), 2019, "gifts")).hasSize(1);
    assertThat(all.get(0).campaignName()).isEqualTo("Đợt thi đua thử");
  }

  @Test
  void a_breakdown_that_does_not_add_up_is_listed_and_one_that_does_is_not() {
    // district 001, 2019: 10 new models; by scope 8 (-2); by field 6 + 4 = 10 (consistent)
    List<Mismatch> mismatches = queries.consistency(RegionScope.country(), "01", 2019);
    assertThat(mismatches).hasSize(1);
    Mismatch m = mismatches.get(0);
    assertThat(List.of(m.indicator(), m.period(), m.key(), m.region(), m.unit()))
        .containsExactly("models_new", "2019", "scope", "001", "mobilization_board");
    assertThat(new double[] {m.total(), m.sum(), m.difference()}).containsExactly(10, 8, -2);
    assertThat(queries.consistency(RegionScope.country(), "VN", 2019)).containsExactly(m);
    assertThat(queries.consistency(RegionScope.country(), "02", 2019)).isEmpty();
    assertThat(queries.consistency(RegionScope.country(), "01", 2020)).isEmpty();
  }

  /** Dialogues of one region in 2019 with its population and the value per 10,000. */
  private static SeriesPoint dialogues2019PerCapita(String region, Boundaries boundaries) {
    return queries.series(RegionScope.country(), new SeriesRequest("dialogues", List.of(region),
        OptionalInt.of(2019), OptionalInt.of(2019), Grain.YEAR, boundaries, false, true)).series().get(0).points().get(0);
  }

  private static SeriesResult series(String indicator, String regions, int from, int to, Grain grain,
      Boundaries boundaries) {
    return queries.series(RegionScope.country(), new SeriesRequest(indicator, Arrays.asList(regions.split(",")),
        OptionalInt.of(from), OptionalInt.of(to), grain, boundaries, false, false));
  }

  private static List<Double> points(String indicator, String region, Grain grain, Boundaries b) {
    return points(indicator, region, 2019, grain, b);
  }

  private static List<Double> points(String indicator, String region, int year, Grain grain, Boundaries b) {
    return series(indicator, region, year, year, grain, b).series().get(0).points().stream()
        .map(SeriesPoint::value).toList();
  }

  /** Region -> the value of its one point (a one-year series). */
  private static Map<String, Double> values(SeriesResult r) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (RegionSeries s : r.series()) {
      assertThat(s.points()).hasSize(1);
      out.put(s.region(), s.points().get(0).value());
    }
    return out;
  }

  private static Map.Entry<String, Double> entry(String k, Double v) {
    return Map.entry(k, v);
  }
}
