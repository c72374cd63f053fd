package vn.danvan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorCatalogueTest {
  private static final String HEADER =
      "code,name_vi,name_en,unit,computation,reports,records,source_tables,definition_version,valid_from\n";

  @Test
  void the_shipped_catalogue_has_one_indicator_per_csv_row() throws Exception {
    Path csv = Path.of(System.getProperty("danvan.root", ".."), "catalogue", "indicators.csv");
    long dataLines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream()
        .skip(1).filter(l -> !l.isBlank()).count();
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    assertThat(catalogue.size()).isEqualTo(dataLines).isGreaterThan(20);
  }

  @Test
  void vietnamese_names_are_kept_exactly() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    assertThat(catalogue.find("briefing_conferences").orElseThrow().nameVi())
        .isEqualTo("Hội nghị quán triệt/tuyên truyền");
    Indicator models = catalogue.find("models_new").orElseThrow();
    assertThat(models.nameVi()).isEqualTo("Mô hình “Dân vận khéo” mới");
    assertThat(models.unit()).isEqualTo("mô hình");
    assertThat(models.sourceTables()).containsExactly("report_values", "models");
    assertThat(models.validFrom()).isEqualTo(LocalDate.of(2015, 1, 1));
    assertThat(catalogue.find("new_rural_share").orElseThrow().computation())
        .isEqualTo("ratio:communes_new_rural/communes_total");
  }

  @Test
  void quoted_fields_may_hold_commas_quotes_and_line_breaks() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.parse(HEADER
        + "gifts,\"Quà, \"\"tặng\"\"\",\"Gifts\r\ngiven\",suất,sum,gifts,,activities,2,2020-01-01\r\n",
        "test.csv");
    Indicator gifts = catalogue.all().get(0);
    assertThat(gifts.nameVi()).isEqualTo("Quà, \"tặng\"");
    assertThat(gifts.nameEn()).isEqualTo("Gifts\r\ngiven");
    assertThat(gifts.definitionVersion()).isEqualTo(2);
  }

  @Test
  void a_duplicate_code_is_refused_with_its_line() {
    String row = "gifts,Quà,Gifts,suất,sum,gifts,,activities,1,2020-01-01\n";
    assertThatThrownBy(() -> IndicatorCatalogue.parse(HEADER + row + row, "dup.csv"))
        .hasMessageContaining("dup.csv line 3").hasMessageContaining("duplicate code gifts");
  }

  @Test
  void an_unknown_source_table_is_refused() {
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "gifts,Quà,Gifts,suất,sum,gifts,,activities;gift_book,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("t.csv line 2").hasMessageContaining("unknown source table 'gift_book'");
  }

  @Test
  void an_external_indicator_names_its_source_and_only_the_external_table() {
    Indicator papi = IndicatorCatalogue.parse(
        HEADER + "papi_x,PAPI: X,PAPI: X,điểm,external:papi,,,external_values,1,2011-01-01\n", "t.csv")
        .find("papi_x").orElseThrow();
    assertThat(papi.isExternal()).isTrue();
    assertThat(papi.externalSource()).contains("papi");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "papi_x,X,X,điểm,external:papi,papi_x,,external_values,1,2011-01-01\n", "t.csv"))
        .hasMessageContaining("papi_x is external: it takes no reports or records of its own");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "papi_x,X,X,điểm,external:papi,,,report_values,1,2011-01-01\n", "t.csv"))
        .hasMessageContaining("external_values is the one source table of an external indicator");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "gifts,Quà,Gifts,suất,sum,gifts,,report_values;external_values,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("external_values is the one source table of an external indicator");
    assertThat(IndicatorCatalogue.load().all().stream().filter(Indicator::isExternal)).hasSize(36);
  }

  @Test
  void a_ratio_of_an_unknown_indicator_is_refused() {
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "share,Tỷ lệ,Share,%,ratio:a/b,,,report_values,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("share is a ratio of unknown indicator a");
  }

  @Test
  void a_wrong_header_or_short_row_is_refused() {
    assertThatThrownBy(() -> IndicatorCatalogue.parse("code,name\n", "h.csv"))
        .hasMessageContaining("h.csv: header must be");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(HEADER + "gifts,Quà\n", "s.csv"))
        .hasMessageContaining("s.csv line 2: expected 10 fields, found 2");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(HEADER + "gifts,\"Quà\n", "q.csv"))
        .hasMessageContaining("q.csv line 2: unterminated quoted field");
  }

  @Test
  void survey_series_are_marked_and_take_no_reports_or_records() {
    Indicator trust = IndicatorCatalogue.load().find("trust_local_government").orElseThrow();
    assertThat(trust.isSurvey()).isTrue();
    assertThat(trust.sourceTables()).containsExactly("survey_responses");
    assertThat(IndicatorCatalogue.load().find("briefing_conferences").orElseThrow().isSurvey()).isFalse();
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "trust,Tin,Trust,%,survey,trust,,survey_responses,1,2015-01-01\n", "t.csv"))
        .hasMessageContaining("t.csv line 2").hasMessageContaining("trust is a survey series");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "trust,Tin,Trust,%,survey,,,report_values,1,2015-01-01\n", "t.csv"))
        .hasMessageContaining("its source table is survey_responses alone");
  }

  @Test
  void indicators_are_immutable() {
    List<Indicator> all = IndicatorCatalogue.load().all();
    assertThatThrownBy(() -> all.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> all.get(0).sourceTables().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void every_contract_indicator_is_fed_by_its_report_code_and_records_are_parsed() {
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    for (String code : List.of("briefing_conferences", "briefing_attendances", "houses_supported",
        "houses_supported_value_vnd", "gifts", "gifts_value_vnd", "tech_transfer_sessions",
        "recruits_mobilized", "models_new", "models_recognized", "trainees", "outreach_posts",
        "outreach_shares", "outreach_comments", "outreach_reactions", "tasks_completed",
        "tasks_registered", "communes_new_rural", "communes_total")) {
      assertThat(catalogue.find(code).orElseThrow().reports()).contains(new ReportSource(code, ""));
    }
    RecordFormula briefings = catalogue.find("briefing_conferences").orElseThrow().records().orElseThrow();
    assertThat(briefings.table()).isEqualTo("activities");
    assertThat(briefings.column()).contains("sessions");
    assertThat(briefings.filter()).containsExactly(
        java.util.Map.entry("activity_type", java.util.Set.of("briefing_conference")));
    assertThat(catalogue.find("models_recognized").orElseThrow().records().orElseThrow().text())
        .isEqualTo("models:count[status=commended|recognized]");
    assertThat(catalogue.find("models_new_collective").orElseThrow().reports())
        .contains(new ReportSource("models_new", "scope=collective"));
    assertThat(catalogue.find("new_rural_share").orElseThrow().ratioOperands())
        .contains(List.of("communes_new_rural", "communes_total"));
  }

  @Test
  void a_records_formula_outside_the_allow_list_is_refused() {
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "x,X,X,n,sum,,activities:sum(note),activities,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("t.csv line 2").hasMessageContaining("activities has no summable column 'note'");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "x,X,X,n,count,,models:count[name=a],models,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("models cannot be filtered on 'name'");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "x,X,X,n,sum,,activities:count,activities,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("computation of x is sum but its records formula is a count");
    assertThatThrownBy(() -> IndicatorCatalogue.parse(
        HEADER + "x,X,X,n,sum,,,activities,1,2020-01-01\n", "t.csv"))
        .hasMessageContaining("x names neither reports nor records");
  }

  @Test
  void the_row_checks_take_the_reportable_codes_and_the_counts_and_money_among_them() {
    var forChecks = IndicatorCatalogue.load().forRowChecks();
    assertThat(forChecks.codes()).contains("gifts", "gifts_value_vnd", "new_rural_share")
        .doesNotContain("trust_local_government").noneMatch(c -> c.startsWith("papi_"));
    assertThat(forChecks.wholeNumbers()).contains("gifts", "gifts_value_vnd", "briefing_attendances", "models_new")
        .doesNotContain("new_rural_share", "tasks_completed_share", "outreach_interactions_per_post");
    // every whole-number indicator counts things or VND: no share or score is summed
    IndicatorCatalogue.load().all().stream().filter(Indicator::takesWholeNumbers)
        .forEach(i -> assertThat(i.unit()).as(i.code()).isNotIn("%", "điểm/100").doesNotContain("tỷ lệ"));
  }
}
