package vn.danvan.dashboard.export;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.danvan.warehouse.query.CostLimits;

/**
 * A table exactly as a page shows it (header and rows, numbers unformatted, no data as null), with
 * where it comes from, and the page it was downloaded from (for the audit trail): the body of
 * {@code POST /api/export/xlsx} and {@code POST /api/export/csv}.
 */
public record TableExport(
    @JsonProperty("title") String title,
    @JsonProperty("source") String source,
    @JsonProperty("snapshot") String snapshot,
    @JsonProperty("columns") List<String> columns,
    @JsonProperty("rows") List<List<Object>> rows,
    @JsonProperty("page") String page) {
  /** Bounds the page's address as the trail keeps it. */
  static final int MAX_PAGE = 500;

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
    page = page == null || page.isBlank() ? null : page.length() > MAX_PAGE ? page.substring(0, MAX_PAGE) : page;
  }

  /** The table a request's body holds. */
  static TableExport of(Context ctx) {
    // "null", a list or a number are JSON but no table (and "null" would reach Javalin as no object)
    if (!ctx.body().stripLeading().startsWith("{")) {
      throw new IllegalArgumentException("body: a JSON object (title, source, snapshot, columns, rows) is expected");
    }
    return ctx.bodyAsClass(TableExport.class);
  }

  /** The header a download is answered with: a plain ASCII name and the real one in UTF-8. */
  static String attachment(String title, String extension) {
    String name = fileName(title) + "." + extension;
    return "attachment; filename=\"export." + extension + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** A file name from a title: letters (Vietnamese included), digits and dashes only. */
  static String fileName(String title) {
    String name = title.strip().replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
    return name.isEmpty() ? "bang" : name.length() > 80 ? name.substring(0, 80) : name;
  }
}
