package vn.danvan.bench.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.danvan.bench.query.QueryBench;
import vn.danvan.warehouse.query.SqlFile;

/**
 * PostgreSQL answering the reads it holds the data for, one connection per virtual user (a pool as
 * large as the concurrency) with its statements prepared once, every row fetched.
 */
final class PostgresReads implements VirtualUsers.Caller, AutoCloseable {
  private final List<Connection> connections = new ArrayList<>();
  private final List<Map<String, PreparedStatement>> statements = new ArrayList<>();

  interface Connector {
    Connection connect() throws SQLException;
  }

  PostgresReads(int users, Connector connector) throws SQLException {
    for (int u = 0; u < users; u++) {
      connections.add(connector.connect());
      statements.add(new HashMap<>());
    }
  }

  @Override
  public void call(int user, Read read) throws SQLException {
    if (!read.hasSql()) {
      throw new IllegalArgumentException(read.kind() + " has no PostgreSQL equivalent");
    }
    PreparedStatement st = statements.get(user).get(read.sql());
    if (st == null) {
      st = connections.get(user).prepareStatement(sql(read.sql()).sql());
      statements.get(user).put(read.sql(), st);
    }
    for (int i = 0; i < read.params().size(); i++) {
      st.setObject(i + 1, read.params().get(i));
    }
    try (ResultSet rs = st.executeQuery()) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
      }
    }
  }

  /** The bench query's statements (series, map) and this bench's own (regions). */
  static SqlFile sql(String name) {
    return name.startsWith("pg_region") || name.equals("pg_index_parent")
        ? SqlFile.load(PostgresReads.class, name) : SqlFile.load(QueryBench.class, name);
  }

  @Override
  public void close() throws SQLException {
    for (Connection c : connections) {
      c.close();
    }
  }

}
