package vn.danvan.dashboard.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.ApiHarness.assertError;
import static vn.danvan.dashboard.ApiHarness.fieldNames;
import static vn.danvan.dashboard.ApiHarness.ok;
import static vn.danvan.dashboard.ApiHarness.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.dashboard.ApiHarness.Calls;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * {@code /api/survey/estimates} over a survey_estimates mart written as the etl writes it
 * (docs/surveys.md), for province 01 and the nation: W24 and W25 of attended_meeting. Province 01's
 * urban cell of W24 is suppressed (primary) and its rural cell with it (secondary); the urban row
 * was written with a value anyway, as a mart written by other means might be: it must not show.
 */
class SurveyApiTest {
  private static final String SNAPSHOT = "20260101T000000000Z-0000beef";
  private static final String COLUMNS = "indicator, wave_id, wave_title, fieldwork_start, fieldwork_end, question_id,"
      + " question_type, boundaries, level, region_code, \"by\", stratum, option, statistic, value, se, ci_low, ci_high,"
      + " n, n_eff, rse, suppressed, unreliable, suppression, previous_wave_id, change, change_se, change_z, change_p,"
      + " min_respondents, protection_level";

  @TempDir Path tmp;

  private static String row(String wave, String start, String region, String by, String stratum, String option,
      String figures, boolean suppressed, boolean unreliable, String suppression, String previous, String change) {
    return "('attended_meeting', '" + wave + "', 'Điều tra " + wave + "', DATE '" + start + "', DATE '" + start
        + "' + 20, 'Q1', 'yes_no', 'reported', " + (region.equals("VN") ? "'nation'" : "'province'") + ", '"
        + region + "', '" + by + "', " + (stratum == null ? "NULL" : "'" + stratum + "'") + ", '" + option
        + "', 'proportion', " + figures + ", " + suppressed + ", " + unreliable + ", "
        + (suppression == null ? "NULL" : "'" + suppression + "'") + ", "
        + (previous == null ? "NULL" : "'" + previous + "'") + ", " + change + ", 25, 0.4)";
  }

  private static final String NONE = "NULL, NULL, NULL, NULL, NULL, NULL, NULL";
  private static final String NO_CHANGE = "NULL, NULL, NULL, NULL";

  private void withApp(Calls calls) throws Exception {
    String values = String.join(",\n",
        row("W24", "2024-05-01", "01", "total", null, "yes", "0.5, 0.04, 0.42, 0.58, 120, 110.5, 0.08",
            false, false, null, null, NO_CHANGE),
        row("W24", "2024-05-01", "01", "total", null, "no", "0.5, 0.04, 0.42, 0.58, 120, 110.5, 0.08",
            false, false, null, null, NO_CHANGE),
        row("W25", "2025-09-01", "01", "total", null, "yes", "0.9, 0.03, 0.82, 0.95, 100, 90.0, 0.033",
            false, false, null, "W24", "0.4, 0.05, 8.0, 0.0"),
        row("W25", "2025-09-01", "01", "total", null, "no", "0.1, 0.03, 0.05, 0.18, 100, 90.0, 0.3",
            false, true, null, "W24", "-0.4, 0.05, -8.0, 0.0"),
        row("W24", "2024-05-01", "01", "residence", "urban", "yes", "0.9, 0.05, 0.8, 0.97, 29, 28.0, 0.06",
            true, false, "primary", null, "0.1, 0.05, 2.0, 0.05"),
        row("W24", "2024-05-01", "01", "residence", "rural", "yes", NONE, true, false, "secondary", null, NO_CHANGE),
        row("W24", "2024-05-01", "VN", "total", null, "yes", "0.51, 0.03, 0.45, 0.57, 289, 257.75, 0.06",
            false, false, null, null, NO_CHANGE));
    serve(TestLake.in(tmp.resolve("lake")).marts(SNAPSHOT, 34, 7)
        .parquet(SNAPSHOT, "survey_estimates/part-0.parquet", "SELECT " + COLUMNS + " FROM (VALUES " + values
            + ") t(" + COLUMNS + ")")
        .publish(SNAPSHOT), calls);
  }

  @Test
  void estimates_have_the_documented_shape_with_the_change_from_the_previous_wave() throws Exception {
    withApp(client -> {
      JsonNode body = ok(client.get("/api/survey/estimates?indicator=attended_meeting&region=01"));
      assertThat(fieldNames(body)).containsExactly("indicator", "name_vi", "name_en", "unit", "boundaries", "by",
          "snapshot", "min_respondents", "protection_level", "waves", "regions");
      // the rules the mart was built with (here not the defaults), for the page's note to state
      assertThat(body.get("min_respondents").asInt()).isEqualTo(25);
      assertThat(body.get("protection_level").asDouble()).isEqualTo(0.4);
      assertThat(body.get("by").asText()).isEqualTo("total");
      assertThat(body.get("snapshot").asText()).isEqualTo(SNAPSHOT);
      assertThat(body.get("waves").get(1).toString()).isEqualTo("{\"wave_id\":\"W25\",\"title\":\"Điều tra W25\","
          + "\"fieldwork_start\":\"2025-09-01\",\"fieldwork_end\":\"2025-09-21\",\"question_id\":\"Q1\","
          + "\"question_type\":\"yes_no\"}");
      JsonNode region = body.get("regions").get(0);
      assertThat(fieldNames(region)).containsExactly("region", "name", "level", "cells");
      assertThat(region.get("name").asText()).isEqualTo("Tỉnh 1");
      assertThat(region.get("level").asText()).isEqualTo("province");
      JsonNode cells = region.get("cells");
      assertThat(cells).hasSize(4);
      JsonNode yes = cells.get(3);
      assertThat(fieldNames(yes)).containsExactly("wave_id", "question_id", "stratum", "option", "statistic",
          "value", "se", "ci_low", "ci_high", "n", "n_eff", "rse", "flags", "suppression", "change");
      assertThat(yes.get("option").asText()).isEqualTo("yes");
      assertThat(yes.get("value").asDouble()).isEqualTo(0.9);
      assertThat(yes.get("ci_low").asDouble()).isEqualTo(0.82);
      assertThat(yes.get("n").asLong()).isEqualTo(100);
      assertThat(yes.get("n_eff").asDouble()).isEqualTo(90.0);
      assertThat(yes.get("change").toString())
          .isEqualTo("{\"from_wave_id\":\"W24\",\"difference\":0.4,\"se\":0.05,\"z\":8.0,\"p\":0.0}");
      assertThat(cells.get(2).get("flags").toString()).isEqualTo("[\"unreliable\"]");
      assertThat(ok(client.get("/api/survey/estimates?indicator=attended_meeting&region=01&wave=W24"))
          .get("regions").get(0).get("cells")).hasSize(2);
    });
  }

  /** A map of one wave asks for many regions at once; they come back in the order asked, each with its own cells. */
  @Test
  void several_regions_are_answered_in_the_order_asked() throws Exception {
    withApp(client -> {
      JsonNode regions = ok(client.get("/api/survey/estimates?indicator=attended_meeting&region=VN,02,01&wave=W24"))
          .get("regions");
      assertThat(regions).hasSize(3);
      assertThat(regions.get(0).get("region").asText()).isEqualTo("VN");
      assertThat(regions.get(0).get("level").asText()).isEqualTo("nation");
      assertThat(regions.get(0).get("cells").get(0).get("n").asLong()).isEqualTo(289);
      assertThat(regions.get(1).get("cells")).isEmpty(); // 02 has no cell: no data, not zero
      assertThat(regions.get(2).get("cells")).hasSize(2);
    });
  }

  @Test
  void suppressed_cells_are_answered_without_any_figure() throws Exception {
    withApp(client -> {
      JsonNode cells = ok(client.get("/api/survey/estimates?indicator=attended_meeting&region=01&by=residence"))
          .get("regions").get(0).get("cells");
      assertThat(cells).hasSize(2);
      for (JsonNode c : cells) {
        assertThat(c.get("flags").toString()).isEqualTo("[\"suppressed\"]");
        for (String figure : List.of("value", "se", "ci_low", "ci_high", "n", "n_eff", "rse", "change")) {
          assertThat(c.get(figure).isNull()).as(c.get("stratum") + " " + figure).isTrue();
        }
      }
      assertThat(cells.get(0).get("suppression").asText()).isEqualTo("secondary");
      assertThat(cells.get(1).get("stratum").asText()).isEqualTo("urban");
      assertThat(cells.get(1).get("suppression").asText()).isEqualTo("primary");
      // the written-anyway figures of the urban cell (0.9, 29 respondents) appear nowhere
      assertThat(cells.toString()).doesNotContain("0.9").doesNotContain("29").doesNotContain("0.97");
    });
  }

  @Test
  void bad_parameters_are_400_naming_the_parameter() throws Exception {
    withApp(client -> {
      String base = "/api/survey/estimates?indicator=attended_meeting&region=01";
      assertError(client.get("/api/survey/estimates?region=01"), 400, "indicator: is required");
      assertError(client.get("/api/survey/estimates?indicator=attended_meeting"), 400, "region: is required");
      assertError(client.get(base + "&by=city"), 400, "by: must be one of total, age_group, sex, residence");
      assertError(client.get(base + "&boundaries=2024"), 400, "boundaries: must be one of reported, 2025");
      assertError(client.get(base + "&wave=W'1"), 400, "wave: is a wave id");
      assertError(client.get("/api/survey/estimates?indicator=attended_meeting&region=1A"), 400, "region: is VN or");
      assertError(client.get(base + ",01"), 400, "region: names a region twice");
    });
  }

  @Test
  void unknown_indicator_region_or_wave_is_404() throws Exception {
    withApp(client -> {
      assertError(client.get("/api/survey/estimates?indicator=nope&region=01"), 404,
          "indicator: 'nope' is not a survey indicator");
      // an indicator of the marts is no survey series
      assertError(client.get("/api/survey/estimates?indicator=briefing_conferences&region=01"), 404,
          "indicator: 'briefing_conferences' is not a survey indicator");
      assertError(client.get("/api/survey/estimates?indicator=attended_meeting&region=01,77,78"), 404,
          "region: 77,78 are not a region of boundaries=reported");
      assertError(client.get("/api/survey/estimates?indicator=attended_meeting&region=01&wave=W99"), 404,
          "wave: W99 did not ask attended_meeting");
    });
  }

  @Test
  void the_catalogue_lists_the_survey_indicators() throws Exception {
    withApp(client -> {
      JsonNode all = ok(client.get("/api/indicators"));
      List<String> survey = new ArrayList<>();
      all.forEach(i -> {
        if (i.get("computation").asText().equals("survey")) {
          survey.add(i.get("code").asText());
        }
      });
      // one per indicator code of the demo generator's QuestionBank
      assertThat(survey).containsExactly("trust_local_government", "satisfaction_mobilization",
          "heard_dan_van_kheo", "attended_meeting", "info_source", "grassroots_democracy", "cadre_attitude",
          "public_consultation", "contribution_kvnd", "follows_official_pages", "security_feeling",
          "priority_issue", "household_income_change", "merger_opinion");
    });
  }
}
