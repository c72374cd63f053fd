package vn.danvan.warehouse.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning for one warehouse.
 *
 * @param poolSize connections per DuckDB instance, i.e. reads that may run at once
 * @param queryTimeout longest a single statement may run (DuckDB counts whole seconds, at least 1)
 * @param borrowTimeout longest a read waits for a free connection before giving up
 */
public record WarehouseOptions(int poolSize, Duration queryTimeout, Duration borrowTimeout) {
  public WarehouseOptions {
    if (poolSize < 1 || poolSize > 64) {
      throw new IllegalArgumentException("poolSize must be 1..64, not " + poolSize);
    }
    requirePositive(queryTimeout, "queryTimeout");
    requirePositive(borrowTimeout, "borrowTimeout");
  }

  public static WarehouseOptions defaults() {
    return new WarehouseOptions(4, Duration.ofSeconds(30), Duration.ofSeconds(10));
  }

  public WarehouseOptions withQueryTimeout(Duration timeout) {
    return new WarehouseOptions(poolSize, timeout, borrowTimeout);
  }

  int queryTimeoutSeconds() {
    long seconds = (queryTimeout.toMillis() + 999) / 1000;
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, seconds));
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, not " + d);
    }
  }
}
