package vn.danvan.warehouse.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;

/**
 * The read side of the lake: an in-process DuckDB over the snapshot CURRENT names.
 *
 * <p>{@link #refresh()} moves to a newly published snapshot without a restart by opening a fresh
 * DuckDB instance for it and swapping it in atomically. A read holds the instance it started on
 * until it ends, and an old instance closes when its last read ends, so no read ever mixes two
 * snapshots and none is cut off by a swap.
 *
 * <p>Every read names a {@link RegionScope}; {@link #read} is the one place where the scope is
 * applied to answers: a read of a scope other than the whole country returns its answer as that
 * scope's {@link Visibility} sees it ({@link ScopedAnswer}, {@link RegionalRow}), and refuses any
 * answer that does not say how (deny by default). Queries check their region parameters against
 * {@link SnapshotSession#visibility()} before they run.
 */
public final class Warehouse implements AutoCloseable {
  private static final SqlFile TABLE_COUNT = SqlFile.load(Warehouse.class, "table_count");

  private final Lake lake;
  private final WarehouseOptions options;
  /** The one snapshot served, for a warehouse over a release; null: follow CURRENT. */
  private final SnapshotRef pinned;
  private final AtomicReference<SnapshotDatabase> current = new AtomicReference<>();
  private final Object swapLock = new Object();
  private final AtomicLong statements = new AtomicLong();
  private boolean closed;

  private Warehouse(Lake lake, WarehouseOptions options, SnapshotRef pinned) {
    this.lake = lake;
    this.options = options;
    this.pinned = pinned;
  }

  /**
   * Opens the warehouse over the lake's CURRENT snapshot, or over nothing when none is published
   * yet (reads then fail with {@link NoSnapshotException} until a {@link #refresh()} finds one).
   *
   * @throws vn.danvan.contract.LakeException when CURRENT exists but cannot be served
   */
  public static Warehouse open(Lake lake, WarehouseOptions options) {
    Warehouse warehouse = new Warehouse(Objects.requireNonNull(lake, "lake"),
        Objects.requireNonNull(options, "options"), null);
    warehouse.refresh();
    return warehouse;
  }

  /**
   * Opens a warehouse over one snapshot that it serves until closed, whatever CURRENT says: the
   * read side of a release ({@link vn.danvan.contract.release.Releases}). {@link #refresh()} never
   * moves it.
   *
   * @throws vn.danvan.contract.LakeException when the snapshot's folder does not exist
   */
  public static Warehouse pinned(Lake lake, SnapshotRef snapshot, WarehouseOptions options) {
    Objects.requireNonNull(snapshot, "snapshot");
    if (!java.nio.file.Files.isDirectory(snapshot.dir())) {
      throw new vn.danvan.contract.LakeException("snapshot " + snapshot.id() + " does not exist: " + snapshot.dir());
    }
    Warehouse warehouse = new Warehouse(Objects.requireNonNull(lake, "lake"),
        Objects.requireNonNull(options, "options"), snapshot);
    warehouse.refresh();
    return warehouse;
  }

  public static Warehouse open(Lake lake) {
    return open(lake, WarehouseOptions.defaults());
  }

  public Lake lake() {
    return lake;
  }

  /** The tuning it was opened with (pool size, timeouts, DuckDB's memory). */
  public WarehouseOptions options() {
    return options;
  }

  /** The snapshot being served, if any. */
  public Optional<SnapshotRef> snapshot() {
    return Optional.ofNullable(current.get()).map(SnapshotDatabase::snapshot);
  }

  public Optional<String> snapshotId() {
    return snapshot().map(SnapshotRef::id);
  }

  /** The load report of the snapshot being served ({@code LoadReport#toJson()}), if it has one. */
  public Optional<JsonNode> loadReport() {
    return Optional.ofNullable(current.get()).flatMap(SnapshotDatabase::loadReport).map(JsonNode::deepCopy);
  }

  /** Rows per lake table present in the served snapshot, in load order. */
  public Map<LakeTable, Long> tableCounts(RegionScope scope) {
    return status(scope).tableCounts();
  }

  /** What {@code scope} sees in the served snapshot. */
  public Visibility visibility(RegionScope scope) {
    return read(scope, session -> new Seen(session.visibility())).visibility();
  }

  private record Seen(Visibility visibility) implements Unregional {}

  /** The served snapshot's id together with its row counts, read from that one snapshot. */
  public SnapshotStatus status(RegionScope scope) {
    return read(scope, session -> {
      Map<LakeTable, Long> counts = new EnumMap<>(LakeTable.class);
      session.emptyTables().forEach(t -> counts.put(t, 0L));
      for (LakeTable table : session.views()) {
        counts.put(table, session.query(TABLE_COUNT.withTable("table", table),
            row -> row.getLong("row_count")).get(0));
      }
      return new SnapshotStatus(session.snapshot(), counts);
    });
  }

  /**
   * Runs {@code reader} against the served snapshot; all its queries see that snapshot.
   *
   * @throws NoSnapshotException when nothing is published yet
   */
  public <T> T read(RegionScope scope, Function<SnapshotSession, T> reader) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(reader, "reader");
    SnapshotDatabase db = acquire();
    try {
      SnapshotSession session = new SnapshotSession(db, scope);
      try {
        T answer = reader.apply(session);
        return scope.isCountry() ? answer : within(answer, session.visibility());
      } finally {
        session.end();
      }
    } finally {
      db.release();
    }
  }

  /**
   * The answer as {@code seen} may see it: the one place where answers are cut to a scope.
   *
   * @throws OutOfScopeException for an answer that does not say which of it a scope may see
   */
  @SuppressWarnings("unchecked")
  private static <T> T within(T answer, Visibility seen) {
    if (answer instanceof ScopedAnswer<?> scoped) {
      return (T) scoped.within(seen);
    }
    if (answer instanceof Unregional) {
      return answer;
    }
    if (answer instanceof List<?> rows && rows.stream().allMatch(RegionalRow.class::isInstance)) {
      return (T) rows.stream().map(RegionalRow.class::cast).filter(r -> seen.sees(r.boundaries(), r.region()))
          .toList();
    }
    throw new OutOfScopeException(null, "this answer is not available to an account scoped to "
        + seen.scope().rootCode() + " (it is not cut to a region scope)");
  }

  /**
   * Serves the snapshot CURRENT names now, if it differs from the one served. Reads already in
   * flight finish on the old snapshot. A lake whose CURRENT vanished keeps the old snapshot: the
   * etl never unpublishes, so that is a half-written lake, not an empty one.
   *
   * @return true when a different snapshot is now served
   * @throws vn.danvan.contract.LakeException or {@link WarehouseException} when the new
   *     snapshot cannot be opened; the old one stays served
   */
  public boolean refresh() {
    synchronized (swapLock) {
      if (closed) {
        throw new IllegalStateException("warehouse is closed");
      }
      Optional<SnapshotRef> target = pinned != null ? Optional.of(pinned) : lake.published();
      SnapshotDatabase served = current.get();
      if (target.isEmpty()
          || served != null && served.snapshot().id().equals(target.get().id())) {
        return false;
      }
      SnapshotDatabase next = SnapshotDatabase.open(lake, target.get(), options, statements);
      SnapshotDatabase old = current.getAndSet(next);
      if (old != null) {
        old.release();
      }
      return true;
    }
  }

  /** Stops serving; reads in flight finish first, then DuckDB closes. */
  @Override
  public void close() {
    synchronized (swapLock) {
      closed = true;
      SnapshotDatabase old = current.getAndSet(null);
      if (old != null) {
        old.release();
      }
    }
  }

  private SnapshotDatabase acquire() {
    while (true) {
      SnapshotDatabase db = current.get();
      if (db == null) {
        synchronized (swapLock) {
          if (closed) {
            throw new IllegalStateException("warehouse is closed");
          }
        }
        throw new NoSnapshotException("no snapshot is published in " + lake.root()
            + " yet (no CURRENT file): run a load first");
      }
      if (db.retain()) {
        return db;
      }
      // It was swapped out and closed between get() and retain(); the new one is in place.
    }
  }

  /**
   * Statements run by reads since the warehouse opened, over all snapshots: for tests that show an
   * answer came from a cache, and for monitoring.
   */
  public long statementsRun() {
    return statements.get();
  }

  /** Test hook: the instance being served. */
  SnapshotDatabase servedDatabase() {
    return current.get();
  }
}
