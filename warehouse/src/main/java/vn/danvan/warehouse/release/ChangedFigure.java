package vn.danvan.warehouse.release;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import vn.danvan.contract.Coded;

/**
 * One line of the errata list: a figure that changed, appeared or vanished between a release and
 * a later snapshot (or another release).
 *
 * @param mart where the figure is kept: {@code indicators} (indicator_values), {@code external}
 *     (external_indicator_values: PAPI) or {@code survey} (survey_estimates)
 * @param grain {@code year}, {@code half}, {@code quarter} or {@code month}; {@code wave} for a survey
 * @param period the period's label (2024, 2024-H1, 2024-Q3, 2024-07) or the survey wave's id
 * @param detail a survey cell's breakdown, {@code by[:stratum][/option]}; null for the indicator marts
 * @param before the figure in the release; null when it appeared
 * @param after the figure since; null when it vanished
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangedFigure(
    @JsonProperty("change") Change change,
    @JsonProperty("mart") String mart,
    @JsonProperty("indicator") String indicator,
    @JsonProperty("boundaries") String boundaries,
    @JsonProperty("level") String level,
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("grain") String grain,
    @JsonProperty("period") String period,
    @JsonProperty("detail") String detail,
    @JsonProperty("before") Double before,
    @JsonProperty("after") Double after) {
  public ChangedFigure {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(mart, "mart");
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(period, "period");
  }

  /** How a figure differs. */
  public enum Change implements Coded {
    CHANGED, APPEARED, VANISHED;

    @JsonValue
    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
