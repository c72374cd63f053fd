package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;

class RowCheckTest {
  private static final LocalDate AS_OF = LocalDate.of(2025, 9, 30);
  /** Two counts and a share, which takes fractions. */
  private static final Indicators INDICATORS = new Indicators(
      Set.of("gifts", "briefing_conferences", "new_rural_share"), Set.of("gifts", "briefing_conferences"));

  private static Map<String, String> row(String... pairs) {
    Map<String, String> row = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      row.put(pairs[i], pairs[i + 1]);
    }
    return row;
  }

  private static Map<String, String> report(String... changes) {
    Map<String, String> row = row("report_id", "R1", "region_code", "01", "period_start", "2024-01-01",
        "period_end", "2024-06-30", "unit", "police", "indicator", "gifts", "value", "3");
    row.putAll(row(changes));
    return row;
  }

  private static List<String> failed(Table table, Map<String, String> row) {
    return RowCheck.check(table, row, AS_OF, INDICATORS).stream().map(Failure::check).toList();
  }

  @Test
  void a_sound_row_fails_nothing() {
    assertThat(RowCheck.check(Table.REPORT_VALUES, report(), AS_OF, INDICATORS)).isEmpty();
    assertThat(RowCheck.warnings(Table.REPORT_VALUES, report(), AS_OF, INDICATORS)).isEmpty();
  }

  @Test
  void names_every_failed_check_by_reason_then_rule_order_with_its_column_and_text() {
    List<Failure> failures = RowCheck.check(Table.REPORT_VALUES,
        report("unit", "Army", "value", "-1", "period_start", " 2024-07-01 "), AS_OF, INDICATORS);
    assertThat(failures).containsExactly(
        new Failure("unknown_vocabulary:unit", Reason.UNKNOWN_VOCABULARY, "unit", "Army"),
        new Failure("date_out_of_range:period_end<period_start", Reason.DATE_OUT_OF_RANGE,
            "period_end", "2024-06-30"),
        new Failure("negative_value:value", Reason.NEGATIVE_VALUE, "value", "-1"));
  }

  @Test
  void an_empty_or_blank_required_value_is_missing_and_fails_nothing_else() {
    assertThat(failed(Table.REPORT_VALUES, report("unit", "  "))).containsExactly("missing_value:unit");
    Map<String, String> noUnit = report();
    noUnit.remove("unit");
    assertThat(failed(Table.REPORT_VALUES, noUnit)).containsExactly("missing_value:unit");
  }

  @Test
  void text_that_does_not_parse_is_a_bad_type_and_nothing_else() {
    assertThat(failed(Table.REPORT_VALUES, report("value", "abc", "period_end", "30/06/2024")))
        .containsExactly("bad_type:period_end", "bad_type:value");
    assertThat(failed(Table.POSTS, row("post_id", "P1", "unit", "military", "region_code", "01",
        "platform", "facebook", "channel", "c", "published_at", "2024-12-31 10:00:00", "format", "image")))
        .containsExactly("bad_type:published_at");
  }

  @Test
  void vocabulary_codes_are_compared_in_lower_case_and_only_spaces_are_trimmed() {
    assertThat(failed(Table.REPORT_VALUES, report("unit", " Police "))).isEmpty();
    assertThat(failed(Table.REPORT_VALUES, report("unit", "police\t"))).containsExactly("unknown_vocabulary:unit");
  }

  @Test
  void every_item_of_a_list_must_come_from_its_vocabulary() {
    Map<String, String> region = row("code", "01", "name", "Hà Nội", "level", "province",
        "valid_from", "2008-08-01");
    region.put("special_area", "Mountain; ethnic_minority");
    assertThat(failed(Table.REGIONS, region)).isEmpty();
    region.put("special_area", "mountain;");
    assertThat(failed(Table.REGIONS, region)).containsExactly("unknown_vocabulary:special_area");
    region.put("special_area", "mountain;sea");
    assertThat(failed(Table.REGIONS, region)).containsExactly("unknown_vocabulary:special_area");
  }

  @Test
  void indicators_come_from_the_catalogue_given() {
    assertThat(failed(Table.REPORT_VALUES, report("indicator", "GIFTS"))).isEmpty();
    assertThat(failed(Table.REPORT_VALUES, report("indicator", "foo_bar")))
        .containsExactly("unknown_indicator:indicator");
  }

  @Test
  void record_dates_lie_between_2000_and_the_load_date_and_intervals_do_not_run_backwards() {
    assertThat(failed(Table.REPORT_VALUES, report("period_start", "1999-12-31")))
        .containsExactly("date_out_of_range:period_start");
    assertThat(failed(Table.REPORT_VALUES, report("period_start", "2025-07-01", "period_end", "2025-10-01")))
        .containsExactly("date_out_of_range:period_end");
    assertThat(failed(Table.CAMPAIGNS, row("campaign_code", "C", "name", "n", "start_date", "1990-01-01",
        "end_date", "1989-01-01", "owner_unit", "police")))
        .as("campaign dates are not records").containsExactly("date_out_of_range:end_date<start_date");
  }

  @Test
  void a_timestamp_counts_on_its_local_date_in_vietnam() {
    Map<String, String> post = row("post_id", "P1", "unit", "military", "region_code", "01",
        "platform", "Facebook", "channel", "c", "published_at", "2025-09-30T17:00:00Z", "format", "image");
    assertThat(failed(Table.POSTS, post)).containsExactly("date_out_of_range:published_date");
    post.put("published_at", "2025-09-30T16:59:59Z");
    assertThat(failed(Table.POSTS, post)).isEmpty();
    assertThat(LandingText.localDate(java.time.Instant.parse("1019-01-01T17:00:00Z")))
        .as("a fixed offset, not 1019's local mean time").isEqualTo(LocalDate.of(1019, 1, 2));
  }

  @Test
  void years_of_records_lie_between_2000_and_the_load_year() {
    Map<String, String> model = row("model_id", "M1", "region_code", "01", "year", "1999",
        "field", "economic", "scope", "collective", "status", "recognized");
    assertThat(failed(Table.MODELS, model)).containsExactly("date_out_of_range:year");
    model.put("year", "2025");
    assertThat(failed(Table.MODELS, model)).isEmpty();
    model.put("year", "2026");
    assertThat(failed(Table.MODELS, model)).containsExactly("date_out_of_range:year");
  }

  @Test
  void weights_must_be_positive_and_fractions_at_most_one() {
    Map<String, String> link = row("old_code", "001", "new_code", "00004", "effective_date", "2025-07-01",
        "relation", "partial", "weight", "1.5");
    assertThat(failed(Table.REGION_LINEAGE, link)).containsExactly("bad_type:weight>1");
    link.put("weight", "-0.5");
    assertThat(failed(Table.REGION_LINEAGE, link)).containsExactly("negative_value:weight");
    Map<String, String> response = row("wave_id", "W1", "respondent_id", "a", "region_code", "01",
        "weight", "0", "question_id", "Q1");
    assertThat(failed(Table.SURVEY_RESPONSES, response)).containsExactly("non_positive_weight:weight");
  }

  @Test
  void a_broken_line_is_malformed_and_shows_the_line() {
    Map<String, String> broken = row(RowCheck.MALFORMED, "this is a broken line {");
    List<Failure> failures = RowCheck.check(Table.SURVEY_WAVES, broken, AS_OF, INDICATORS);
    assertThat(failures.get(0)).isEqualTo(new Failure("malformed_row:line", Reason.MALFORMED_ROW,
        RowCheck.MALFORMED, "this is a broken line {"));
    assertThat(failures).extracting(Failure::check).containsExactly("malformed_row:line",
        "missing_value:wave_id", "missing_value:title", "missing_value:fieldwork_start",
        "missing_value:fieldwork_end");
  }

  @Test
  void warnings_do_not_fail_a_row() {
    Map<String, String> link = row("old_code", "001", "new_code", "00004", "effective_date", "2025-07-01",
        "relation", "Partial");
    assertThat(failed(Table.REGION_LINEAGE, link)).isEmpty();
    assertThat(RowCheck.warnings(Table.REGION_LINEAGE, link, AS_OF, INDICATORS))
        .containsExactly("partial_link_without_weight");
    assertThat(RowCheck.warnings(Table.REPORT_VALUES, report("disaggregation", "scope=collective;field=x"),
        AS_OF, INDICATORS)).isEmpty();
    assertThat(RowCheck.warnings(Table.REPORT_VALUES, report("disaggregation", "collective"), AS_OF,
        INDICATORS)).containsExactly("disaggregation_not_key_value");
  }

  @Test
  void a_count_indicator_takes_whole_numbers_only() {
    assertThat(failed(Table.REPORT_VALUES, report("value", "20.5"))).containsExactly("not_whole_number:value");
    assertThat(RowCheck.check(Table.REPORT_VALUES, report("value", "20.5"), AS_OF, INDICATORS).get(0).reason())
        .isEqualTo(Reason.NOT_WHOLE_NUMBER);
    assertThat(failed(Table.REPORT_VALUES, report("value", "20.0"))).isEmpty();
    assertThat(failed(Table.REPORT_VALUES, report("value", "1e3"))).isEmpty();
    assertThat(failed(Table.REPORT_VALUES, report("indicator", "new_rural_share", "value", "52.49"))).isEmpty();
    assertThat(failed(Table.CAMPAIGN_TARGETS, row("campaign_code", "DVK", "region_code", "01", "year", "2024",
        "indicator", "GIFTS", "target_value", "0.5"))).containsExactly("not_whole_number:target_value");
  }

  @Test
  void a_value_grouped_by_thousands_is_refused_for_that_alone() {
    for (String grouped : List.of("4.494", "1.234.567", " 20.000 ")) {
      List<Failure> failures = RowCheck.check(Table.REPORT_VALUES, report("value", grouped), AS_OF, INDICATORS);
      assertThat(failures).as(grouped).extracting(Failure::check).containsExactly("thousands_separator:value");
      assertThat(failures.get(0).reason().vietnamese()).contains("dấu chấm là dấu phân cách hàng nghìn");
    }
    // a share takes fractions: 52.490 is a number there (1.234.567 is not one anywhere)
    assertThat(failed(Table.REPORT_VALUES, report("indicator", "new_rural_share", "value", "52.490"))).isEmpty();
    assertThat(failed(Table.REPORT_VALUES, report("indicator", "new_rural_share", "value", "1.234.567")))
        .containsExactly("bad_type:value");
    assertThat(failed(Table.REPORT_VALUES, report("value", "4.49"))).containsExactly("not_whole_number:value");
    assertThat(failed(Table.REPORT_VALUES, report("value", "4494"))).isEmpty();
  }

  @Test
  void a_count_column_grouped_by_thousands_says_so_instead_of_bad_type() {
    Map<String, String> activity = row("activity_id", "A1", "unit", "police", "region_code", "01",
        "start_date", "2024-03-01", "activity_type", "dialogue", "participants", "1.200", "value_vnd", "7.000.000");
    assertThat(failed(Table.ACTIVITIES, activity))
        .containsExactly("thousands_separator:participants", "thousands_separator:value_vnd");
    activity.put("participants", "12a");
    activity.put("value_vnd", "7000000");
    assertThat(failed(Table.ACTIVITIES, activity)).containsExactly("bad_type:participants");
  }

  @Test
  void a_formula_without_its_result_is_quarantined_under_its_own_reason_never_as_zero() {
    String formula = vn.danvan.contract.landing.XlsxSheet.FORMULA_WITHOUT_RESULT + "=10+10";
    List<Failure> failures = RowCheck.check(Table.REPORT_VALUES, report("value", formula), AS_OF, INDICATORS);
    assertThat(failures.get(0)).isEqualTo(new Failure("formula_without_result:value",
        Reason.FORMULA_WITHOUT_RESULT, "value", formula));
    assertThat(failed(Table.REPORT_VALUES, report("source_document", formula)))
        .containsExactly("formula_without_result:source_document");
  }
}
