package vn.danvan.warehouse.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.duckdb.DuckDBConnection;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.retention.ReaderLease;

/**
 * One in-memory DuckDB instance over one snapshot, opened when the snapshot becomes current and
 * closed after the last read on it: a {@link DuckDbHardening hardened} instance, the
 * {@link SnapshotViews views} over the snapshot's files, a {@link ConnectionPool pool} of
 * connections to it, a {@link HoldCount hold count} and the {@link AnswerMemo answers} kept for
 * it. What lives and dies with the snapshot is here, so that a swap of CURRENT replaces all of it
 * at once.
 */
final class SnapshotDatabase {
  private final SnapshotRef snapshot;
  private final SnapshotViews views;
  private final Optional<JsonNode> loadReport;
  private final DuckDBConnection root;
  private final ConnectionPool pool;
  private final AnswerMemo memo = new AnswerMemo();
  private final WarehouseOptions options;
  private final HoldCount holds;
  private final AtomicLong statements;
  private final ReaderLease lease;
  private volatile boolean closed;

  private SnapshotDatabase(SnapshotRef snapshot, SnapshotViews views, Optional<JsonNode> loadReport,
      DuckDBConnection root, ConnectionPool pool, WarehouseOptions options, AtomicLong statements,
      ReaderLease lease) {
    this.snapshot = snapshot;
    this.lease = lease;
    this.views = views;
    this.loadReport = loadReport;
    this.root = root;
    this.pool = pool;
    this.options = options;
    this.holds = new HoldCount("snapshot " + snapshot.id());
    this.statements = statements;
  }

  /**
   * Opens the instance; {@code statements} counts every statement its reads run. It holds the
   * snapshot ({@link ReaderLease}) until it closes, so that {@code lake gc} leaves it alone.
   */
  static SnapshotDatabase open(Lake lake, SnapshotRef snapshot, WarehouseOptions options,
      AtomicLong statements) {
    ReaderLease lease = ReaderLease.take(lake, snapshot.id());
    try {
      return open(lake, snapshot, options, statements, lease);
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  private static SnapshotDatabase open(Lake lake, SnapshotRef snapshot, WarehouseOptions options,
      AtomicLong statements, ReaderLease lease) {
    Path dir = SnapshotViews.directory(snapshot);
    Optional<JsonNode> report = lake.loadReport(snapshot);
    DuckDBConnection root;
    try {
      root = DuckDbHardening.open(dir, options);
    } catch (SQLException e) {
      throw new WarehouseException("cannot start DuckDB for snapshot " + snapshot.id()
          + ": " + e.getMessage(), e);
    }
    try {
      SnapshotViews views = SnapshotViews.create(root, dir, snapshot, options.serving());
      ConnectionPool pool = ConnectionPool.duplicating(root, options);
      return new SnapshotDatabase(snapshot, views, report, root, pool, options, statements, lease);
    } catch (SQLException | RuntimeException e) {
      ConnectionPool.closeQuietly(root);
      if (e instanceof WarehouseException w) {
        throw w;
      }
      throw new WarehouseException("cannot open snapshot " + snapshot.id() + " (" + dir + "): "
          + e.getMessage(), e);
    }
  }

  SnapshotRef snapshot() {
    return snapshot;
  }

  Set<LakeTable> views() {
    return views.tables();
  }

  /** Tables whose folder exists but holds no Parquet file: present, with no rows and no view. */
  Set<LakeTable> emptyTables() {
    return views.emptyTables();
  }

  Optional<JsonNode> loadReport() {
    return loadReport;
  }

  WarehouseOptions options() {
    return options;
  }

  boolean isClosed() {
    return closed;
  }

  /** Takes a hold for one read; false when the instance is already closing. */
  boolean retain() {
    return holds.retain();
  }

  /** Gives a hold back; the last one closes DuckDB. */
  void release() {
    if (holds.release()) {
      closed = true;
      pool.close();
      ConnectionPool.closeQuietly(root);
      lease.close();
    }
  }

  /** The value of {@code name} for this snapshot: computed by the first caller, then kept. */
  <T> T memo(String name, Supplier<T> compute) {
    return memo.get(name, compute);
  }

  /** Counts one statement run by a read. */
  void countStatement() {
    statements.incrementAndGet();
  }

  PooledConnection borrow() {
    return pool.borrow();
  }

  void giveBack(PooledConnection connection) {
    pool.giveBack(connection);
  }
}
