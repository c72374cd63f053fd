package vn.danvan.warehouse.query;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers computed once per snapshot and kept while it is served ({@link SnapshotSession#memo}):
 * a snapshot never changes, so small lookups every read needs (region names, series keys) need not
 * be read from DuckDB again. Dropped with the snapshot, so a new one starts empty.
 */
final class AnswerMemo {
  private final Map<String, Object> answers = new ConcurrentHashMap<>();

  /** The answer named {@code name}: computed by the first caller, then kept. */
  @SuppressWarnings("unchecked")
  <T> T get(String name, Supplier<T> compute) {
    return (T) answers.computeIfAbsent(name, k -> compute.get());
  }
}
