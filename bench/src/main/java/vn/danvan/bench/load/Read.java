package vn.danvan.bench.load;

import java.util.List;
import java.util.Objects;

/**
 * One read of the mix: what a page asks over HTTP and, when PostgreSQL holds the data it needs
 * (the indicator marts and the regions), the same question as SQL.
 *
 * @param kind what the page asks ({@code series}, {@code map}, ...), for the per-kind figures
 * @param path the API path with its query string
 * @param sql the name of the PostgreSQL statement ({@code pg_series}, ...), or null when
 *     PostgreSQL holds no copy of the data (surveys, outreach)
 * @param params the statement's parameters in order
 */
record Read(String kind, String path, String sql, List<Object> params) {
  Read {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    params = List.copyOf(params);
  }

  static Read httpOnly(String kind, String path) {
    return new Read(kind, path, null, List.of());
  }

  boolean hasSql() {
    return sql != null;
  }
}
