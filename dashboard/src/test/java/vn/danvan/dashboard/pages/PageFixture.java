package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * A lake for the page tests, written by DuckDB in the marts' layout (docs/marts.md) with figures
 * simple enough to state here:
 * <ul>
 *   <li>the 34 provinces of 2025 (the tile grid's codes), province number {@code i} (1-based in
 *       {@link #PROVINCES} order); indicator {@code houses_supported}, grain year, 2016-2025;
 *   <li>as reported: province {@code 100 i + (y - 2016)}; restated to 2025 the same plus 50 before
 *       2025, apportioned by population ({@code exact=false}); the nation 10,000 + 100 (y - 2016);
 *   <li>province 79 has no figure in 2020 (no data, not zero);
 *   <li>Hà Nội (01): as reported its district 001 ({@code 30 + y - 2016}) holds communes 00004 and
 *       00008; restated, 01 holds communes 00004 ({@code 10 + y - 2016}), 00008
 *       ({@code 20 + y - 2016}) and 00025 (0 every year: a real zero);
 *   <li>a 2024 report of commune 00004 whose breakdown by field (1,212 + 2,298 + 486 + 507 = 4,503)
 *       disagrees with its total 4,494;
 *   <li>survey series {@code trust_local_government}, top-2-box, waves W2023 and W2024: the nation
 *       62 % [58, 66] (n 600) then 65 % [61, 69] (n 620); Hà Nội 70 % [60, 78] (n 80) in W2024;
 *       Hồ Chí Minh City withheld in W2024, its mart row still carrying 0.99 (the warehouse must
 *       drop it); in W2024 Hà Nội's commune 00004 72 % [58, 83] (n 45), 00008 withheld (its row
 *       carrying 0.97), 00025 without respondents; PAPI's total index of Hà Nội 2011-2016: 35, 36, ... 40;
 *   <li>six posts of Hà Nội's military command in 2024 ({@link #POSTS}): four on Facebook with 100,
 *       50, 10 and 0 interactions, two on Zalo, one of them never measured.
 * </ul>
 */
public final class PageFixture {
  static final String SNAPSHOT = "20260115T013000123Z-0badcafe";
  static final String INDICATOR = "houses_supported";
  static final List<String> PROVINCES = List.of("01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24",
      "25", "31", "33", "37", "38", "40", "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80",
      "82", "86", "91", "92", "96");

  /** Units as reported exist from long before the series; the restated ones from the reform. */
  private static final String OLD = "DATE '2008-08-01'";
  private static final String NEW = "DATE '2025-07-01'";

  private PageFixture() {}

  /** As reported, province {@code code} in {@code year}; null for 79 in 2020. */
  static Double reported(String code, int year) {
    if (code.equals("79") && year == 2020) {
      return null;
    }
    return 100.0 * (PROVINCES.indexOf(code) + 1) + (year - 2016);
  }

  static Double restated(String code, int year) {
    Double r = reported(code, year);
    return r == null ? null : r + (year < 2025 ? 50 : 0);
  }

  static String name(String code) {
    return switch (code) {
      case "01" -> "Thành phố Hà Nội";
      case "79" -> "Thành phố Hồ Chí Minh";
      default -> "Tỉnh số " + code;
    };
  }

  /**
   * The 34 provinces' boundaries from ../shared/reference/geo; the calling test is skipped (with
   * the reason) where ../shared is absent, as the etl's reference tests are.
   */
  static Path provincesGeoJson() {
    String shared = System.getProperty("danvan.shared");
    assumeThat(shared).as("system property danvan.shared (set by surefire to ../shared)").isNotNull();
    Path file = Path.of(shared, "reference", "geo", "vn-provinces-34-2025.geojson");
    assumeThat(Files.isRegularFile(file)).as("%s (absent in a clone without ../shared)", file).isTrue();
    return file;
  }

  public static TestLake write(Path root) {
    StringBuilder provinces = new StringBuilder();
    for (int i = 0; i < PROVINCES.size(); i++) {
      provinces.append(i == 0 ? "" : ", ").append("('").append(PROVINCES.get(i)).append("', ").append(i + 1)
          .append(", '").append(name(PROVINCES.get(i))).append("')");
    }
    String p = "(VALUES " + provinces + ") p(code, i, name)";
    String years = "range(2016, 2026) t(y)";
    String values = String.join(" UNION ALL ",
        "SELECT 'reported' AS b, 'nation' AS level, 'VN' AS code, y, 10000.0 + 100 * (y - 2016) AS value, true AS exact FROM " + years,
        "SELECT '2025', 'nation', 'VN', y, 10000.0 + 100 * (y - 2016), true FROM " + years,
        "SELECT 'reported', 'province', code, y, 100.0 * i + (y - 2016), true FROM " + p + ", " + years
            + " WHERE NOT (code = '79' AND y = 2020)",
        "SELECT '2025', 'province', code, y, 100.0 * i + (y - 2016) + CASE WHEN y < 2025 THEN 50 ELSE 0 END, y >= 2025 FROM "
            + p + ", " + years + " WHERE NOT (code = '79' AND y = 2020)",
        "SELECT 'reported', 'district', '001', y, 30.0 + y - 2016, true FROM " + years,
        "SELECT 'reported', 'commune', '00004', y, 10.0 + y - 2016, true FROM " + years,
        "SELECT 'reported', 'commune', '00008', y, 20.0 + y - 2016, true FROM " + years,
        "SELECT '2025', 'commune', '00004', y, 10.0 + y - 2016, true FROM " + years,
        "SELECT '2025', 'commune', '00008', y, 20.0 + y - 2016, true FROM " + years,
        "SELECT '2025', 'commune', '00025', y, 0.0, true FROM " + years);
    String papi = "SELECT 'papi_total' AS indicator, m.b AS boundaries, 'province' AS level, '01' AS region_code, 'year' AS grain, "
        + "CAST(y AS VARCHAR) AS period, CAST(y AS INTEGER) AS year, 35.0 + y - 2011 AS value, 'external' AS source, true AS exact, "
        + "CAST(NULL AS VARCHAR) AS method FROM range(2011, 2017) t(y), (VALUES ('reported'), ('2025')) m(b)";
    String regions = String.join(" UNION ALL ",
        "SELECT m.b AS boundaries, 'nation' AS level, 'VN' AS region_code, 'Việt Nam' AS name, "
            + "CAST(NULL AS VARCHAR) AS parent_code, CAST(NULL AS DATE) AS valid_from FROM (VALUES ('reported'), ('2025')) m(b)",
        "SELECT m.b, 'province', code, name, 'VN', m.d FROM " + p + ", (VALUES ('reported', " + OLD + "), ('2025', " + NEW + ")) m(b, d)",
        "SELECT 'reported', 'district', '001', 'Quận Ba Đình', '01', " + OLD,
        "SELECT 'reported', 'commune', '00004', 'Phường Phúc Xá', '001', " + OLD,
        "SELECT 'reported', 'commune', '00008', 'Phường Trúc Bạch', '001', " + OLD,
        "SELECT '2025', 'commune', '00004', 'Phường Ba Đình', '01', " + NEW,
        "SELECT '2025', 'commune', '00008', 'Phường Ngọc Hà', '01', " + NEW,
        "SELECT '2025', 'commune', '00025', 'Phường Giảng Võ', '01', " + NEW);
    return TestLake.in(root)
        .parquet(SNAPSHOT, "indicator_values/part-0.parquet",
            "SELECT '" + INDICATOR + "' AS indicator, b AS boundaries, level, code AS region_code, 'year' AS grain, "
                + "CAST(y AS VARCHAR) AS period, CAST(y AS INTEGER) AS year, value, 'records' AS source, exact, "
                + "CASE WHEN exact THEN NULL ELSE 'population' END AS method FROM (" + values + ") "
                + "UNION ALL " + papi + " ORDER BY boundaries, grain, indicator, level, region_code, period")
        .parquet(SNAPSHOT, "mart_regions/part-0.parquet",
            "SELECT boundaries, level, region_code, name, parent_code, valid_from, "
                + "CAST(NULL AS DATE) AS valid_to FROM (" + regions + ")")
        .parquet(SNAPSHOT, "report_values/year=2024/part-0.parquet",
            "SELECT 'r1' AS report_id, '00004' AS region_code, DATE '2024-01-01' AS period_start, "
                + "DATE '2024-12-31' AS period_end, 'mobilization_board' AS unit, 'models_new' AS indicator, d AS disaggregation, "
                + "v AS value, 'BC 12/BDV' AS source_document FROM (VALUES ('', 4494.0), ('field=economic', 1212.0), "
                + "('field=culture_society', 2298.0), ('field=defence_security', 486.0), ('field=political_system', 507.0)) x(d, v)")
        .parquet(SNAPSHOT, "survey_estimates/part-0.parquet", SURVEY)
        .parquet(SNAPSHOT, "post_stats/part-0.parquet", POSTS)
        .publish(SNAPSHOT);
  }

  static final String SURVEY_INDICATOR = "trust_local_government";

  /**
   * The post_stats mart (docs/outreach.md) of six posts: id, platform, format, month, shares,
   * comments, reactions (null: never measured), interactions 24 h after publishing, the channel's
   * benchmark then and the score (interactions_24h / benchmark).
   */
  static final String POSTS = "SELECT id AS post_id, 'military' AS unit, 'LL47' AS team, '00004' AS region_code, pf AS platform, "
      + "'Trang ' || pf AS channel, make_timestamp(2024, m, 1, 2, 0, 0) AS published_at, make_date(2024, m, 1) AS published_date, "
      + "'law' AS topic, fm AS format, 2024 AS year, '01' AS r_province, '001' AS r_district, '00004' AS r_commune, "
      + "'01' AS n_province, '00004' AS n_commune, true AS n_exact, CASE WHEN sh IS NULL THEN 0 ELSE 5 END AS snapshots, "
      + "0 AS decreasing_snapshots, sh AS shares, co AS comments, re AS reactions, CAST(NULL AS BIGINT) AS views, "
      + "sh + co + re AS interactions, "
      + "sh IS NOT NULL AS covered_1h, sh / 4.0 AS shares_1h, co / 4.0 AS comments_1h, re / 4.0 AS reactions_1h, (sh + co + re) / 4.0 AS interactions_1h, "
      + "sh IS NOT NULL AS covered_24h, sh * 0.8 AS shares_24h, co * 0.8 AS comments_24h, re * 0.8 AS reactions_24h, i24 AS interactions_24h, "
      + "sh IS NOT NULL AS covered_7d, sh * 1.0 AS shares_7d, co * 1.0 AS comments_7d, re * 1.0 AS reactions_7d, (sh + co + re) * 1.0 AS interactions_7d, "
      + "CAST(NULL AS DOUBLE) AS benchmark_1h, CAST(NULL AS INTEGER) AS benchmark_posts_1h, CAST(NULL AS DOUBLE) AS score_1h, "
      + "b24 AS benchmark_24h, CASE WHEN b24 IS NULL THEN NULL ELSE 10 END AS benchmark_posts_24h, i24 / b24 AS score_24h, "
      + "CAST(NULL AS DOUBLE) AS benchmark_7d, CAST(NULL AS INTEGER) AS benchmark_posts_7d, CAST(NULL AS DOUBLE) AS score_7d "
      + "FROM (VALUES ('P1', 'facebook', 'image', 3, 10, 20, 70, 80.0, 40.0), ('P2', 'facebook', 'image', 4, 5, 5, 40, 40.0, 40.0), "
      + "('P3', 'facebook', 'video', 5, 1, 1, 8, 8.0, 40.0), ('P4', 'facebook', 'text', 6, 0, 0, 0, 0.0, 30.0), "
      + "('P5', 'zalo', 'image', 7, 3, 3, 24, 24.0, 20.0), ('P6', 'zalo', 'image', 8, NULL, NULL, NULL, NULL, NULL)) "
      + "x(id, pf, fm, m, sh, co, re, i24, b24)";

  private static final String SURVEY = "SELECT 'trust_local_government' AS indicator, w AS wave_id, 'Khảo sát ' || w AS wave_title, "
      + "CAST(fs AS DATE) AS fieldwork_start, CAST(fe AS DATE) AS fieldwork_end, 'Q1' AS question_id, 'likert5' AS question_type, "
      + "b AS boundaries, lvl AS level, code AS region_code, 'total' AS \"by\", CAST(NULL AS VARCHAR) AS stratum, 'top2' AS option, "
      + "'proportion' AS statistic, v AS value, 0.02 AS se, lo AS ci_low, hi AS ci_high, CAST(n AS BIGINT) AS n, n * 0.9 AS n_eff, "
      + "0.03 AS rse, sup AS suppressed, false AS unreliable, CASE WHEN sup THEN 'primary' END AS suppression, "
      + "CASE WHEN w = 'W2024' THEN 'W2023' END AS previous_wave_id, CAST(NULL AS DOUBLE) AS change, "
      + "CAST(NULL AS DOUBLE) AS change_se, CAST(NULL AS DOUBLE) AS change_z, CAST(NULL AS DOUBLE) AS change_p "
      + "FROM (VALUES ('W2023', '2023-05-01', '2023-05-31', 'nation', 'VN', 0.62, 0.58, 0.66, 600, false), "
      + "('W2024', '2024-05-01', '2024-05-31', 'nation', 'VN', 0.65, 0.61, 0.69, 620, false), "
      + "('W2024', '2024-05-01', '2024-05-31', 'province', '01', 0.70, 0.60, 0.78, 80, false), "
      + "('W2024', '2024-05-01', '2024-05-31', 'province', '79', 0.99, 0.98, 1.0, 12, true), "
      + "('W2024', '2024-05-01', '2024-05-31', 'commune', '00004', 0.72, 0.58, 0.83, 45, false), "
      + "('W2024', '2024-05-01', '2024-05-31', 'commune', '00008', 0.97, 0.90, 1.0, 11, true)) "
      + "x(w, fs, fe, lvl, code, v, lo, hi, n, sup), (VALUES ('reported'), ('2025')) m(b)";
}
