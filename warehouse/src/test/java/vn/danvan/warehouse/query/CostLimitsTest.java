package vn.danvan.warehouse.query;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.danvan.contract.Grain;

class CostLimitsTest {
  @Test
  void the_abusive_series_is_refused_naming_the_figure_and_the_limit() {
    // the request of issue 16: 76 regions, 1900-2999 in months (here within the year bounds)
    assertThatThrownBy(() -> CostLimits.checkSeries(76, 2100 - 1945 + 1, Grain.MONTH))
        .isInstanceOf(InvalidParameterException.class)
        .hasMessage("region × period: 76 regions × 1,872 months = 142,272 cells; the limit is 50,000 "
            + "(ask fewer regions, a shorter span (from, to) or a coarser grain)");
  }

  @Test
  void the_pages_largest_series_passes() {
    // Trends: at most 40 regions; the demo lake's 11 years in months
    assertThatCode(() -> CostLimits.checkSeries(40, 11, Grain.MONTH)).doesNotThrowAnyException();
    assertThatCode(() -> CostLimits.checkSeries(100, 41, Grain.QUARTER)).doesNotThrowAnyException();
  }

  @Test
  void outreach_survey_and_export_limits_name_what_was_asked() {
    assertThatThrownBy(() -> CostLimits.checkOutreach(150, Grain.MONTH, 60, "channel"))
        .hasMessageStartingWith("period × breakdown: 1,800 months × 60 values of channel = 108,000 cells; "
            + "the limit is 50,000");
    assertThatCode(() -> CostLimits.checkOutreach(11, Grain.MONTH, 170, "commune")).doesNotThrowAnyException();
    assertThatThrownBy(() -> CostLimits.checkSurvey(64, 16))
        .hasMessageStartingWith("region × wave: 64 regions × 16 waves = 1,024 region-waves; the limit is 1,000");
    assertThatCode(() -> CostLimits.checkSurvey(64, 1)).doesNotThrowAnyException();
    assertThatThrownBy(() -> CostLimits.checkExport(501, 1000))
        .hasMessageStartingWith("rows × columns: 501 rows × 1,000 columns = 501,000 cells; the limit is 500,000");
  }

  @Test
  void years_are_bounded_to_the_republic_and_this_century() {
    assertThatThrownBy(() -> CostLimits.checkYear("from", 1900))
        .hasMessage("from: a year is YYYY between 1945 and 2100, not 1900");
    assertThatThrownBy(() -> CostLimits.checkYear("to", 2101)).hasMessageContaining("not 2101");
    assertThatCode(() -> CostLimits.checkYear("year", 1945)).doesNotThrowAnyException();
    assertThatThrownBy(() -> CostLimits.checkRegionCount("region", 101))
        .hasMessage("region: at most 100 regions per request, not 101");
  }
}
