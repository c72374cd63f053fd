package vn.danvan.warehouse.query;

import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * A fixed number of connections to one DuckDB instance, each a duplicate of its first connection
 * (so all see the same views), lent to one read at a time. The size bounds the reads that run at
 * once; a read that finds none free waits a while and then fails as busy rather than queueing
 * without end.
 */
final class ConnectionPool {
  private static final System.Logger LOG = System.getLogger(ConnectionPool.class.getName());

  private final BlockingQueue<PooledConnection> idle;
  private final WarehouseOptions options;

  private ConnectionPool(BlockingQueue<PooledConnection> idle, WarehouseOptions options) {
    this.idle = idle;
    this.options = options;
  }

  /** {@link WarehouseOptions#poolSize()} connections duplicated from {@code root}. */
  static ConnectionPool duplicating(DuckDBConnection root, WarehouseOptions options) throws SQLException {
    BlockingQueue<PooledConnection> idle = new ArrayBlockingQueue<>(options.poolSize());
    for (int i = 0; i < options.poolSize(); i++) {
      idle.add(new PooledConnection((DuckDBConnection) root.duplicate()));
    }
    return new ConnectionPool(idle, options);
  }

  /**
   * A free connection, waiting at most {@link WarehouseOptions#borrowTimeout()} for one.
   *
   * @throws WarehouseBusyException when none came free in time
   */
  PooledConnection borrow() {
    Duration wait = options.borrowTimeout();
    try {
      PooledConnection c = idle.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (c == null) {
        throw new WarehouseBusyException((options.poolSize() == 1 ? "the one warehouse connection"
            : "all " + options.poolSize() + " warehouse connections") + " stayed busy for " + seconds(wait), null);
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseBusyException("interrupted while waiting for a warehouse connection", e);
    }
  }

  /** "5 s"; a wait under a second as "0.5 s", not "0 s". */
  private static String seconds(Duration d) {
    return java.math.BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
  }

  void giveBack(PooledConnection connection) {
    idle.add(connection);
  }

  /** Closes the connections not lent out: all of them, once the last read has ended. */
  void close() {
    List<PooledConnection> all = new ArrayList<>();
    idle.drainTo(all);
    all.forEach(PooledConnection::close);
  }

  /** Closing only frees memory of an instance we are done with: a failure is logged, not thrown. */
  static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing a DuckDB connection or statement failed: " + e.getMessage(), e);
    }
  }
}
