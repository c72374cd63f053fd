package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import vn.danvan.warehouse.trends.Attainment;
import vn.danvan.warehouse.query.RegionalRow;

/**
 * One campaign target beside what its region achieved that year (units as reported).
 *
 * @param achieved the indicator's figure for the region and year; null when there is none
 * @param percent {@code achieved / target × 100}; null without a figure or with a zero target
 * @param status {@code met}, {@code not_met}, or {@code no_data}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetAttainment(
    @JsonProperty("campaign") String campaign,
    @JsonProperty("campaign_name") String campaignName,
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("indicator") String indicator,
    @JsonProperty("year") int year,
    @JsonProperty("target") double target,
    @JsonProperty("achieved") Double achieved,
    @JsonProperty("percent") Double percent,
    @JsonProperty("status") String status) implements RegionalRow {

  static TargetAttainment of(String campaign, String campaignName, String region, String name,
      String indicator, int year, double target, Double achieved) {
    Optional<Attainment> a = achieved == null ? Optional.empty()
        : Attainment.of(achieved, OptionalDouble.of(target));
    return new TargetAttainment(campaign, campaignName, region, name, indicator, year, target, achieved,
        a.map(Attainment::percent).orElse(null),
        a.map(x -> x.status().name().toLowerCase(Locale.ROOT)).orElse("no_data"));
  }
}
