package vn.danvan.dashboard;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.warehouse.query.Warehouse;

/**
 * Moves the warehouse to a newly published snapshot; run on a schedule, never in a request.
 *
 * <p>A failure (a half-copied lake, a snapshot DuckDB cannot read) leaves the old snapshot served
 * and is logged once per distinct message, so a lake that stays broken does not flood the log.
 */
final class SnapshotRefresher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SnapshotRefresher.class);

  private final Warehouse warehouse;
  private String lastFailure;

  SnapshotRefresher(Warehouse warehouse) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
  }

  @Override
  public synchronized void run() {
    try {
      if (warehouse.refresh()) {
        LOG.info("now serving snapshot {}", warehouse.snapshotId().orElse("?"));
      }
      lastFailure = null;
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: keep it alive and keep the old snapshot.
      String message = e.getMessage();
      if (!Objects.equals(message, lastFailure)) {
        LOG.warn("cannot move to the lake's current snapshot, still serving {}: {}",
            warehouse.snapshotId().orElse("nothing"), message);
        lastFailure = message;
      }
    }
  }

  /** The last refresh failure still in effect, if any. */
  synchronized String lastFailure() {
    return lastFailure;
  }
}
