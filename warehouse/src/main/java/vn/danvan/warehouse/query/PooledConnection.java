package vn.danvan.warehouse.query;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBConnection;

/**
 * A pooled connection and the statements prepared on it, the least recently used closed beyond
 * {@value #STATEMENTS_PER_CONNECTION}: parsing and planning a read again costs as much as the
 * read. Used by one session at a time.
 */
final class PooledConnection {
  /** Prepared statements kept per pooled connection (the API's reads are a handful of files). */
  private static final int STATEMENTS_PER_CONNECTION = 32;

  private final DuckDBConnection connection;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= STATEMENTS_PER_CONNECTION) {
        return false;
      }
      ConnectionPool.closeQuietly(eldest.getValue());
      return true;
    }
  };

  PooledConnection(DuckDBConnection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql}, its parameters cleared. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement st = statements.get(sql);
    if (st == null) {
      st = connection.prepareStatement(sql);
      statements.put(sql, st);
    } else {
      st.clearParameters();
    }
    return st;
  }

  /** Drops the statement for {@code sql} (after it failed: it is not reused). */
  void forget(String sql) {
    PreparedStatement st = statements.remove(sql);
    if (st != null) {
      ConnectionPool.closeQuietly(st);
    }
  }

  void close() {
    statements.values().forEach(ConnectionPool::closeQuietly);
    statements.clear();
    ConnectionPool.closeQuietly(connection);
  }
}
