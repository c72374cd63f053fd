package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One region on a map. {@code value} null means no data. {@code in_force} is false for a unit that
 * ceased during the year (in {@code reported} mode, 2025's old provinces hold their first half).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MapValue(
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("value") Double value,
    @JsonProperty("source") String source,
    @JsonProperty("exact") Boolean exact,
    @JsonProperty("method") String method,
    @JsonProperty("in_force") boolean inForce) {
  public MapValue {
    Objects.requireNonNull(region, "region");
  }
}
