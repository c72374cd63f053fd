package vn.danvan.dashboard.release;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The warehouse each request reads: the one over CURRENT, or the one over a release's snapshot when
 * the request says {@code release=NAME}. Resolved here, once per request ({@link #reading}), for
 * every route; controllers ask {@link #of(Context)} (through {@code QueryParams.warehouse}) and read
 * through it, so the caller's region scope applies to a release exactly as to current figures
 * ({@link Warehouse#read}).
 *
 * <p>A release's warehouse ({@link Warehouse#pinned}) is opened at its first request and kept for
 * the next ones: at most {@code maxOpen} at once (each is a DuckDB instance with its marts in
 * memory), the least recently used closed first, and any left idle longer than {@code idle} closed
 * at the next request. A request holds a lease on the warehouse it reads, so none is closed under a
 * read in progress.
 */
public final class ReleaseWarehouses implements AutoCloseable {
  /** The query parameter that names a release; absent, blank or {@value #CURRENT}: current figures. */
  public static final String PARAMETER = "release";
  public static final String CURRENT = "current";
  /** The response header an answer read from a release carries: the release's name. */
  public static final String HEADER = "Danvan-Release";
  /** Releases kept open by default: the review's release and one more (e.g. last year's). */
  public static final int DEFAULT_MAX_OPEN = 2;
  public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);
  private static final String ATTRIBUTE = ReleaseWarehouses.class.getName() + ".lease";

  private final Warehouse current;
  private final Releases releases;
  private final int maxOpen;
  private final long idleNanos;
  private final LongSupplier nanos;
  /** Name → entry, least recently used first. Guarded by {@code this}. */
  private final LinkedHashMap<String, Entry> open = new LinkedHashMap<>(8, 0.75f, true);
  private boolean closed;

  private static final class Entry {
    final Release release;
    /** Null until opened; set once under the entry's own lock. */
    volatile Warehouse warehouse;
    /** Guarded by the registry. */
    int leases;
    long lastUsed;

    Entry(Release release) {
      this.release = release;
    }
  }

  /**
   * @param current the warehouse over CURRENT, owned by the caller (never closed here)
   * @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
   */
  public ReleaseWarehouses(Warehouse current, Releases releases, int maxOpen, Duration idle, LongSupplier nanos) {
    this.current = Objects.requireNonNull(current, "current");
    this.releases = Objects.requireNonNull(releases, "releases");
    if (maxOpen < 1) {
      throw new IllegalArgumentException("maxOpen must be at least 1, not " + maxOpen);
    }
    this.maxOpen = maxOpen;
    this.idleNanos = Objects.requireNonNull(idle, "idle").toNanos();
    this.nanos = Objects.requireNonNull(nanos, "nanos");
  }

  public static ReleaseWarehouses of(Warehouse current) {
    return new ReleaseWarehouses(current, Releases.of(current.lake()), DEFAULT_MAX_OPEN, DEFAULT_IDLE, System::nanoTime);
  }

  /** What one request reads: a release (empty: current figures) and its warehouse, until closed. */
  public final class Lease implements AutoCloseable {
    private final Entry entry;
    /** A release whose snapshot the current warehouse serves (a review pack's own server): no entry. */
    private final Release served;

    private Lease(Entry entry) {
      this(entry, null);
    }

    private Lease(Entry entry, Release served) {
      this.entry = entry;
      this.served = served;
    }

    public Optional<Release> release() {
      return entry == null ? Optional.ofNullable(served) : Optional.of(entry.release);
    }

    public Warehouse warehouse() {
      return entry == null ? current : entry.warehouse;
    }

    @Override
    public void close() {
      if (entry != null) {
        giveBack(entry);
      }
    }
  }

  /**
   * {@code inner} reading the warehouse the request's {@code release} names: the lease is taken
   * before it (an unknown release is a 404 naming the releases there are) and given back after it,
   * and an answer from a release carries {@value #HEADER}.
   */
  public Handler reading(Handler inner) {
    Objects.requireNonNull(inner, "inner");
    return ctx -> {
      try (Lease lease = lease(ctx.queryParam(PARAMETER))) {
        ctx.attribute(ATTRIBUTE, lease);
        lease.release().ifPresent(r -> ctx.header(HEADER, r.name()));
        inner.handle(ctx);
      }
    };
  }

  /** The lease {@link #reading} took for this request. @throws IllegalStateException outside one */
  public static Lease of(Context ctx) {
    Lease lease = ctx.attribute(ATTRIBUTE);
    if (lease == null) {
      throw new IllegalStateException(ctx.path() + " reads the warehouse without a lease: route it through "
          + "ReleaseWarehouses.reading");
    }
    return lease;
  }

  /**
   * The warehouse of {@code name} (null, blank or {@value #CURRENT}: CURRENT's), held until the lease
   * is closed.
   *
   * @throws NotFoundException naming the releases there are, for a name no release has
   */
  public Lease lease(String name) {
    closeIdle();
    if (name == null || name.isBlank() || name.strip().equalsIgnoreCase(CURRENT)) {
      return new Lease(null);
    }
    String wanted = name.strip();
    Release release = releases.find(wanted).orElseThrow(() -> ReleaseController.unknown(releases, wanted));
    if (current.snapshotId().filter(release.snapshot()::equals).isPresent()) {
      return new Lease(null, release);
    }
    Entry entry;
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("the releases' warehouses are closed");
      }
      entry = open.computeIfAbsent(release.name(), k -> new Entry(release));
      entry.leases++;
      entry.lastUsed = nanos.getAsLong();
    }
    try {
      if (entry.warehouse == null) {
        synchronized (entry) {
          if (entry.warehouse == null) {
            entry.warehouse = Warehouse.pinned(current.lake(), releases.snapshot(release), current.options());
          }
        }
      }
    } catch (RuntimeException e) {
      giveBack(entry);
      throw e;
    }
    closeIdle();
    return new Lease(entry);
  }

  /** Names of the releases whose warehouse is open now, least recently used first. */
  public synchronized List<String> openNow() {
    return open.entrySet().stream().filter(e -> e.getValue().warehouse != null).map(Map.Entry::getKey).toList();
  }

  /** Leases not yet given back, over every release. */
  public synchronized int leasesHeld() {
    return open.values().stream().mapToInt(e -> e.leases).sum();
  }

  private void giveBack(Entry entry) {
    synchronized (this) {
      entry.leases--;
      entry.lastUsed = nanos.getAsLong();
    }
    closeIdle();
  }

  /** Closes the warehouses no request holds that were idle too long or are past {@code maxOpen}. */
  private void closeIdle() {
    List<Warehouse> closing = new ArrayList<>();
    synchronized (this) {
      long now = nanos.getAsLong();
      int opened = (int) open.values().stream().filter(e -> e.warehouse != null).count();
      for (Iterator<Entry> it = open.values().iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (e.leases > 0) {
          continue;
        }
        boolean idle = now - e.lastUsed > idleNanos;
        if (e.warehouse == null || idle || opened > maxOpen) {
          if (e.warehouse != null) {
            closing.add(e.warehouse);
            opened--;
          }
          it.remove();
        }
      }
    }
    closing.forEach(Warehouse::close);
  }

  /** Closes every release's warehouse (reads in flight finish first); CURRENT's is the caller's. */
  @Override
  public void close() {
    List<Warehouse> closing = new ArrayList<>();
    synchronized (this) {
      closed = true;
      open.values().stream().map(e -> e.warehouse).filter(Objects::nonNull).forEach(closing::add);
      open.clear();
    }
    closing.forEach(Warehouse::close);
  }
}
