package vn.danvan.warehouse.lake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A snapshot's {@code _load_report.json}, kept as a JSON tree: the etl owns its exact fields
 * (per table read, landed, quarantined by reason), and the warehouse only passes it on.
 */
public record LoadReport(String snapshotId, JsonNode json) {
  public LoadReport {
    Objects.requireNonNull(snapshotId, "snapshotId");
    Objects.requireNonNull(json, "json");
    json = json.deepCopy();
  }

  /** A copy, so that no caller can change the report another caller sees. */
  @Override
  public JsonNode json() {
    return json.deepCopy();
  }
}
