package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * One region's series: every period of the requested span, in order.
 *
 * @param trend present only when asked for and the series has enough points
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionSeries(String region, String name, String level, List<SeriesPoint> points,
    TrendSummary trend) {
  public RegionSeries {
    Objects.requireNonNull(region, "region");
    points = List.copyOf(points);
  }
}
