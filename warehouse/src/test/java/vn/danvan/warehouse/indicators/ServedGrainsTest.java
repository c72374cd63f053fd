package vn.danvan.warehouse.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Stratum;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.ServingCopy;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.EstimatesResult;

import vn.danvan.warehouse.survey.SurveyQueries;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * A warehouse opened with only the yearly figures in memory (the review pack's) answers a yearly
 * series exactly as the dashboard's does and refuses a quarterly one by name, never with an empty
 * series; its survey estimates, read from Parquet, equal the copy's. The lake: 3 provinces and the
 * nation, 2016-2025 by year, 2024 by quarter, a survey series in 3 waves.
 */
class ServedGrainsTest {
  private static final String SNAPSHOT = "20260301T000000000Z-00c05715";
  private static final List<String> REGIONS = List.of("VN", "01", "02", "03");

  @TempDir Path tmp;

  @Test
  void a_year_only_reader_answers_years_as_the_dashboard_does_and_refuses_quarters() {
    TestLake lake = TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 3, 7)
        .parquet(SNAPSHOT, "indicator_values/part-1.parquet",
            "SELECT 'activity_sessions' AS indicator, '2025' AS boundaries, 'province' AS level, '01' AS region_code, "
                + "'quarter' AS grain, '2024-Q' || q AS period, 2024 AS year, CAST(q * 10 AS DOUBLE) AS value, "
                + "'records' AS source, true AS exact, CAST(NULL AS VARCHAR) AS method FROM range(1, 5) t(q)")
        .parquet(SNAPSHOT, "survey_estimates/part-0.parquet", SURVEY)
        .publish(SNAPSHOT);
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    SeriesRequest years = request(Grain.YEAR, 2016);
    SeriesRequest quarters = request(Grain.QUARTER, 2024);
    try (Warehouse all = Warehouse.open(Lake.at(lake.root()));
        Warehouse yearly = Warehouse.open(Lake.at(lake.root()),
            WarehouseOptions.defaults().withServing(ServingCopy.YEARLY_BATCH))) {
      SeriesResult full = new IndicatorQueries(all, catalogue).series(RegionScope.country(), years);
      SeriesResult pack = new IndicatorQueries(yearly, catalogue).series(RegionScope.country(), years);
      assertThat(pack.series()).isEqualTo(full.series());
      assertThat(pack.series().get(1).points()).hasSize(10)
          .allSatisfy(p -> assertThat(p.value()).isEqualTo(701.0));
      assertThat(new IndicatorQueries(all, catalogue).series(RegionScope.country(), quarters).series().get(1)
          .points()).extracting(SeriesPoint::value).containsExactly(10.0, 20.0, 30.0, 40.0, null, null, null, null);
      assertThatThrownBy(() -> new IndicatorQueries(yearly, catalogue).series(RegionScope.country(), quarters))
          .isInstanceOf(InvalidParameterException.class)
          .hasMessage("grain: this reader was opened with the year figures only, not quarter");
      // the survey estimates read from Parquet instead of the copy: the same answer
      EstimatesRequest survey = new EstimatesRequest("trust_local_government", REGIONS, Optional.empty(),
          Stratum.TOTAL, Boundaries.REPORTED);
      EstimatesResult copied = new SurveyQueries(all, catalogue).estimates(RegionScope.country(), survey);
      assertThat(new SurveyQueries(yearly, catalogue).estimates(RegionScope.country(), survey)).isEqualTo(copied);
      assertThat(copied.waves()).hasSize(3);
      assertThat(copied.regions().get(3).cells()).hasSize(3)
          .allSatisfy(c -> assertThat(c.value()).isEqualTo(0.6));
    }
  }

  /** survey_estimates as the etl writes them: one series asked in 3 waves, the nation and provinces 01..03. */
  private static final String SURVEY = "SELECT 'trust_local_government' AS indicator, 'W' || w AS wave_id, "
      + "'Khảo sát ' || w AS wave_title, CAST(DATE '2020-05-01' + INTERVAL (w) YEAR AS DATE) AS fieldwork_start, "
      + "CAST(DATE '2020-05-31' + INTERVAL (w) YEAR AS DATE) AS fieldwork_end, 'Q1' AS question_id, "
      + "'likert5' AS question_type, 'reported' AS boundaries, "
      + "CASE WHEN i = 0 THEN 'nation' ELSE 'province' END AS level, "
      + "CASE WHEN i = 0 THEN 'VN' ELSE lpad(CAST(i AS VARCHAR), 2, '0') END AS region_code, 'total' AS \"by\", "
      + "CAST(NULL AS VARCHAR) AS stratum, 'top2' AS option, 'proportion' AS statistic, 0.6 AS value, 0.02 AS se, "
      + "0.56 AS ci_low, 0.64 AS ci_high, CAST(600 AS BIGINT) AS n, 540.0 AS n_eff, 0.03 AS rse, false AS suppressed, "
      + "false AS unreliable, CAST(NULL AS VARCHAR) AS suppression, CAST(NULL AS VARCHAR) AS previous_wave_id, "
      + "CAST(NULL AS DOUBLE) AS change, CAST(NULL AS DOUBLE) AS change_se, CAST(NULL AS DOUBLE) AS change_z, "
      + "CAST(NULL AS DOUBLE) AS change_p FROM range(3) t(w), range(4) r(i)";

  private static SeriesRequest request(Grain grain, int from) {
    return new SeriesRequest("activity_sessions", REGIONS, OptionalInt.of(from), OptionalInt.of(2025), grain,
        Boundaries.RESTATED_2025, false, false);
  }
}
