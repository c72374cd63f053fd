package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRule.Severity;

class RowRulesTest {

  @Test
  void lists_a_tables_rules_under_the_names_of_failed_checks_in_load_order() {
    assertThat(RowRules.of(Table.REPORT_VALUES)).extracting(RowRule::name).containsExactly(
        "malformed_row:line", "formula_without_result:report_id", "missing_value:report_id",
        "formula_without_result:region_code", "missing_value:region_code",
        "formula_without_result:period_start", "missing_value:period_start", "bad_type:period_start",
        "formula_without_result:period_end", "missing_value:period_end", "bad_type:period_end",
        "formula_without_result:unit", "missing_value:unit", "unknown_vocabulary:unit",
        "formula_without_result:indicator", "missing_value:indicator", "unknown_indicator:indicator",
        "formula_without_result:disaggregation", "formula_without_result:value", "missing_value:value",
        "thousands_separator:value", "bad_type:value", "not_whole_number:value", "negative_value:value",
        "formula_without_result:source_document", "date_out_of_range:period_start",
        "date_out_of_range:period_end", "date_out_of_range:period_end<period_start",
        "disaggregation_not_key_value");
  }

  @Test
  void every_error_has_a_reason_and_every_warning_none() {
    Arrays.stream(Table.values()).flatMap(t -> RowRules.of(t).stream()).forEach(rule ->
        assertThat(rule.reason() == null).as(rule.name()).isEqualTo(rule.severity() == Severity.WARN));
  }

  @Test
  void codes_with_a_vocabulary_or_the_catalogue_fold_case() {
    assertThat(LandingText.foldsCase(Table.POSTS, "platform")).isTrue();
    assertThat(LandingText.foldsCase(Table.REGIONS, "special_area")).isTrue();
    assertThat(LandingText.foldsCase(Table.CAMPAIGN_TARGETS, "indicator")).isTrue();
    assertThat(LandingText.foldsCase(Table.SURVEY_QUESTIONS, "indicator")).isFalse();
    assertThat(LandingText.foldsCase(Table.POSTS, "channel")).isFalse();
  }
}
