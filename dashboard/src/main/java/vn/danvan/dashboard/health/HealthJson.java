package vn.danvan.dashboard.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * {@code /health}: whether there is data, which snapshot is served and how many rows each of its
 * tables holds.
 *
 * @param status {@code ok}, or {@code no_data} while nothing is published
 * @param loadedAt when the snapshot's load started (ISO-8601 UTC), null if its id does not say
 * @param code {@code no_snapshot} with {@code no_data} (the code of every API's 503 for it), else absent
 */
public record HealthJson(
    @JsonProperty("status") String status,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("tables") Map<String, Long> tables,
    @JsonProperty("loaded_at") String loadedAt,
    @JsonProperty("code") @JsonInclude(JsonInclude.Include.NON_NULL) String code) {}
