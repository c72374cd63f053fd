package vn.danvan.dashboard.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.danvan.warehouse.query.CostLimits;

/**
 * A table exactly as a page shows it (header and rows, numbers unformatted, no data as null), with
 * where it comes from: the body of {@code POST /api/export/xlsx}.
 */
public record TableExport(
    @JsonProperty("title") String title,
    @JsonProperty("source") String source,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("rows") List<List<Object>> rows) {
  public TableExport {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("columns: a table needs at least one column");
    }
    CostLimits.checkExport(rows.size(), columns.size());
    columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<Object> row = rows.get(i);
      if (row == null || row.size() != columns.size()) {
        throw new IllegalArgumentException("rows: row " + (i + 1) + " has "
            + (row == null ? 0 : row.size()) + " cells, the header " + columns.size());
      }
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = List.copyOf(copy);
    title = title == null || title.isBlank() ? "Bảng" : title;
  }
}
