package vn.danvan.warehouse.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning for one warehouse.
 *
 * @param poolSize connections per DuckDB instance, i.e. reads that may run at once
 * @param queryTimeout longest a single statement may run (DuckDB counts whole seconds, at least 1);
 *     past it the statement is interrupted and its connection goes back to the pool
 * @param borrowTimeout longest a read waits for a free connection before giving up
 * @param memoryLimitMib DuckDB's {@code memory_limit} per instance, in MiB: its buffer manager,
 *     the in-memory marts included, stays below it (a query that needs more fails rather than
 *     growing the process)
 * @param threads DuckDB's {@code threads} per instance
 * @param serving what a snapshot copies into memory when it opens ({@link ServingCopy})
 */
public record WarehouseOptions(int poolSize, Duration queryTimeout, Duration borrowTimeout, int memoryLimitMib,
    int threads, ServingCopy serving) {
  /**
   * Interactive reads: a page's largest read takes well under a second on the demo lake, so a
   * statement still running after 5 s is a mistake or an attack, not a user waiting for a chart.
   */
  public static final Duration INTERACTIVE_TIMEOUT = Duration.ofSeconds(5);
  /** DuckDB's memory by default, the in-memory marts included (README, "Memory"). */
  public static final int DEFAULT_MEMORY_LIMIT_MIB = 1024;

  public WarehouseOptions {
    if (poolSize < 1 || poolSize > 64) {
      throw new IllegalArgumentException("poolSize must be 1..64, not " + poolSize);
    }
    requirePositive(queryTimeout, "queryTimeout");
    requirePositive(borrowTimeout, "borrowTimeout");
    if (memoryLimitMib < 64) {
      throw new IllegalArgumentException("memoryLimitMib must be at least 64, not " + memoryLimitMib);
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1..256, not " + threads);
    }
    Objects.requireNonNull(serving, "serving");
  }

  /** 4 connections, {@link #INTERACTIVE_TIMEOUT}, 5 s to get a connection, 1 GiB, 2 threads, {@link ServingCopy#DASHBOARD}. */
  public static WarehouseOptions defaults() {
    return new WarehouseOptions(4, INTERACTIVE_TIMEOUT, Duration.ofSeconds(5), DEFAULT_MEMORY_LIMIT_MIB,
        Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())), ServingCopy.DASHBOARD);
  }

  public WarehouseOptions withQueryTimeout(Duration timeout) {
    return new WarehouseOptions(poolSize, timeout, borrowTimeout, memoryLimitMib, threads, serving);
  }

  public WarehouseOptions withPoolSize(int size) {
    return new WarehouseOptions(size, queryTimeout, borrowTimeout, memoryLimitMib, threads, serving);
  }

  public WarehouseOptions withMemory(int limitMib, int duckDbThreads) {
    return new WarehouseOptions(poolSize, queryTimeout, borrowTimeout, limitMib, duckDbThreads, serving);
  }

  public WarehouseOptions withServing(ServingCopy copy) {
    return new WarehouseOptions(poolSize, queryTimeout, borrowTimeout, memoryLimitMib, threads, copy);
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
