package vn.danvan.warehouse.indicators;

import com.fasterxml.jackson.annotation.JsonProperty;
import vn.danvan.warehouse.query.RegionalRow;

/**
 * A breakdown of a report whose parts do not sum to the report's total.
 *
 * @param period the report's period label ({@code 2024}, {@code 2024-H1}, ... or
 *     {@code 2016-01-01/2021-12-31} for a multi-year review)
 * @param key the disaggregation keys of the breakdown, e.g. {@code field} or {@code field;scope}
 * @param difference {@code sum - total}
 */
public record Mismatch(
    @JsonProperty("indicator") String indicator,
    @JsonProperty("period") String period,
    @JsonProperty("key") String key,
    @JsonProperty("total") double total,
    @JsonProperty("sum") double sum,
    @JsonProperty("difference") double difference,
    @JsonProperty("parts") long parts,
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("unit") String unit,
    @JsonProperty("source_document") String sourceDocument) implements RegionalRow {}
