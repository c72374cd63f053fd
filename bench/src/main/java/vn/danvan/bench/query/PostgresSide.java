package vn.danvan.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.danvan.warehouse.query.SqlFile;

/**
 * PostgreSQL answering the same three reads with prepared statements kept open for the whole run,
 * as a connection-pooled application with statement caching would; every row is fetched.
 */
final class PostgresSide implements AutoCloseable {
  private final Connection connection;
  private final List<PreparedStatement> statements = new ArrayList<>();

  PostgresSide(Connection connection) {
    this.connection = Objects.requireNonNull(connection, "connection");
  }

  String version() throws SQLException {
    try (var st = connection.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
      rs.next();
      return rs.getString(1);
    }
  }

  TimedQuery series(Workload w) throws SQLException {
    PreparedStatement st = prepare("pg_series");
    return i -> {
      st.setString(1, w.boundaries());
      st.setString(2, Workload.GRAIN);
      st.setString(3, w.indicator(i));
      st.setString(4, w.regionList());
      st.setInt(5, w.fromYear());
      st.setInt(6, w.toYear());
      return answer(st, 3);
    };
  }

  TimedQuery map(Workload w) throws SQLException {
    PreparedStatement st = prepare("pg_map");
    return i -> {
      st.setString(1, w.boundaries());
      st.setString(2, Workload.GRAIN);
      st.setString(3, w.indicator(i));
      st.setString(4, w.mapLevel());
      st.setInt(5, w.mapYear());
      return answer(st, 3);
    };
  }

  TimedQuery scan(Workload w) throws SQLException {
    PreparedStatement st = prepare("pg_scan");
    return i -> {
      st.setString(1, w.activityType(i));
      return answer(st, 2);
    };
  }

  private PreparedStatement prepare(String name) throws SQLException {
    PreparedStatement st = connection.prepareStatement(SqlFile.load(PostgresSide.class, name).sql());
    statements.add(st);
    return st;
  }

  private static Answer answer(PreparedStatement st, int valueColumn) throws SQLException {
    long rows = 0;
    double total = 0;
    try (ResultSet rs = st.executeQuery()) {
      while (rs.next()) {
        rows++;
        total += rs.getDouble(valueColumn);
      }
    }
    return new Answer(rows, total);
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement st : statements) {
      st.close();
    }
    connection.close();
  }
}
