package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * One period of a region's series. {@code value} is null when there is no figure (no data is not
 * zero); then {@code source}, {@code exact} and {@code method} are absent too.
 *
 * @param source {@code report}, {@code records} or {@code mixed}
 * @param exact false when part of the value was apportioned through a partial lineage link
 * @param method the least precise apportioning used ({@code weight}, {@code population},
 *     {@code equal}); null when exact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SeriesPoint(String period, Double value, String source, Boolean exact, String method) {
  public SeriesPoint {
    Objects.requireNonNull(period, "period");
  }

  static SeriesPoint noData(String period) {
    return new SeriesPoint(period, null, null, null, null);
  }
}
