package vn.danvan.warehouse.query;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.danvan.contract.Grain;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;

/**
 * A read in progress against one snapshot: every query made through it sees the same snapshot,
 * even if the warehouse moves to a newer one meanwhile. Valid only inside {@link Warehouse#read}.
 */
public final class SnapshotSession {
  private final SnapshotDatabase database;
  private final RegionScope scope;
  private PooledConnection connection;

  SnapshotSession(SnapshotDatabase database, RegionScope scope) {
    this.database = database;
    this.scope = scope;
    this.connection = database.borrow();
  }

  public SnapshotRef snapshot() {
    return database.snapshot();
  }

  /** The scope the read was granted. */
  public RegionScope scope() {
    return scope;
  }

  /**
   * Which regions the scope sees in this snapshot (resolved once per snapshot and scope): what a
   * query checks its region parameters against; {@link Warehouse#read} filters the answer by it.
   */
  public Visibility visibility() {
    return scope.isCountry() ? Visibility.everything()
        : memo("visibility|" + scope.rootCode(), s -> Visibility.resolve(scope, s));
  }

  /** Lake tables that have a view (at least one Parquet file) in this snapshot. */
  public Set<LakeTable> views() {
    return database.views();
  }

  /** Lake tables present in this snapshot without any Parquet file. */
  public Set<LakeTable> emptyTables() {
    return database.emptyTables();
  }

  /**
   * Runs the statement with {@code params} bound to its {@code ?} in order and maps every row
   * (none for a statement that returns no result).
   *
   * @throws WarehouseBusyException when it runs past the query timeout
   * @throws WarehouseException on any other failure, naming the SQL file and snapshot
   */
  public <T> List<T> query(SqlFile sql, RowMapper<T> mapper, Object... params) {
    Objects.requireNonNull(sql, "sql");
    Objects.requireNonNull(mapper, "mapper");
    if (connection == null) {
      throw new IllegalStateException("session used after its read ended (" + sql.path() + ")");
    }
    String text = sql.sql();
    try {
      database.countStatement();
      PreparedStatement st = connection.prepare(text);
      st.setQueryTimeout(database.options().queryTimeoutSeconds());
      for (int i = 0; i < params.length; i++) {
        st.setObject(i + 1, params[i]);
      }
      List<T> rows = new ArrayList<>();
      if (st.execute()) {
        try (ResultSet rs = st.getResultSet()) {
          while (rs.next()) {
            rows.add(mapper.map(rs));
          }
        }
      }
      return rows;
    } catch (SQLTimeoutException e) {
      connection.forget(text);
      throw new WarehouseBusyException(sql.path() + " ran longer than "
          + database.options().queryTimeoutSeconds() + " s on snapshot " + snapshot().id(), e);
    } catch (SQLException e) {
      connection.forget(text);
      throw new WarehouseException(sql.path() + " failed on snapshot " + snapshot().id() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The value of {@code name} for this session's snapshot, computed by the first read that asks
   * (with this session) and kept while the snapshot is served: for small lookups that every read
   * needs and that only a new snapshot changes.
   */
  public <T> T memo(String name, Function<SnapshotSession, T> compute) {
    Objects.requireNonNull(compute, "compute");
    return database.memo(name, () -> compute.apply(this));
  }

  /**
   * @throws InvalidParameterException when this warehouse does not serve {@code grain}'s indicator
   *     figures ({@link ServingCopy#grains()})
   */
  public void requireServed(Grain grain) {
    Set<Grain> served = database.options().serving().grains();
    if (!served.contains(grain)) {
      throw new InvalidParameterException("grain", "this reader was opened with the "
          + served.stream().map(Grain::code).sorted().collect(Collectors.joining(", "))
          + " figures only, not " + grain.code());
    }
  }

  /** Test hook: the instance this session reads. */
  SnapshotDatabase database() {
    return database;
  }

  void end() {
    if (connection != null) {
      database.giveBack(connection);
      connection = null;
    }
  }
}
