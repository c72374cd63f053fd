package vn.danvan.warehouse.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.SnapshotRef;

/**
 * One in-memory DuckDB instance over one snapshot: a view per lake table, a small pool of
 * connections, and a hold count so that it closes only after the last read on it has ended. The
 * marts, which the dashboard reads many times a second, are copied sorted into a compressed
 * in-memory database ({@code attach_serving.sql}) when the snapshot is opened; the fact tables are
 * read from their Parquet files.
 *
 * <p>The instance is locked down from birth: the restrictions are start-up settings, so there is
 * no moment in which SQL could run with file access. {@code allowed_directories} must be given
 * together with {@code enable_external_access=false} (DuckDB refuses to change the list once
 * access is off), and {@code lock_configuration} forbids any later {@code SET}.
 */
final class SnapshotDatabase {
  private static final System.Logger LOG = System.getLogger(SnapshotDatabase.class.getName());
  private static final SqlFile CREATE_VIEW = SqlFile.load(SnapshotDatabase.class, "create_view");
  private static final SqlFile CREATE_PARTITIONED_VIEW =
      SqlFile.load(SnapshotDatabase.class, "create_partitioned_view");
  private static final SqlFile CREATE_UNPARTITIONED_FACT_VIEW =
      SqlFile.load(SnapshotDatabase.class, "create_unpartitioned_fact_view");
  private static final SqlFile ATTACH_SERVING = SqlFile.load(SnapshotDatabase.class, "attach_serving");
  private static final SqlFile CREATE_SERVING_VIEW = SqlFile.load(SnapshotDatabase.class, "create_serving_view");
  /** The marts' set-up, in order: copies into the serving database, then the view over them. */
  private static final Map<LakeTable, List<SqlFile>> MATERIALIZED = Map.of(
      LakeTable.INDICATOR_VALUES, List.of(SqlFile.load(SnapshotDatabase.class, "materialize_series_keys"),
          SqlFile.load(SnapshotDatabase.class, "materialize_indicator_values"),
          SqlFile.load(SnapshotDatabase.class, "serve_indicator_values")),
      LakeTable.MART_REGIONS, List.of(SqlFile.load(SnapshotDatabase.class, "materialize_mart_regions"),
          CREATE_SERVING_VIEW.withTable("table", LakeTable.MART_REGIONS)
              .withTable("source", LakeTable.MART_REGIONS)),
      // appended to the served indicator_values under keys after its own, so it stays sorted by key
      LakeTable.EXTERNAL_INDICATOR_VALUES, List.of(
          SqlFile.load(SnapshotDatabase.class, "materialize_external_series_keys"),
          SqlFile.load(SnapshotDatabase.class, "materialize_external_indicator_values"),
          CREATE_VIEW.withTable("table", LakeTable.EXTERNAL_INDICATOR_VALUES)),
      LakeTable.SURVEY_ESTIMATES, List.of(SqlFile.load(SnapshotDatabase.class, "materialize_survey_estimates"),
          CREATE_SERVING_VIEW.withTable("table", LakeTable.SURVEY_ESTIMATES)
              .withTable("source", LakeTable.SURVEY_ESTIMATES)));
  /** Prepared statements kept per pooled connection (the API's reads are a handful of files). */
  private static final int STATEMENTS_PER_CONNECTION = 32;
  private static final String GLOB_CHARS = "*?[]{}";

  private final SnapshotRef snapshot;
  private final Set<LakeTable> views;
  private final Set<LakeTable> emptyTables;
  private final Optional<JsonNode> loadReport;
  private final DuckDBConnection root;
  private final BlockingQueue<Pooled> pool;
  /** Values computed once per snapshot by the reads ({@link SnapshotSession#memo}). */
  private final Map<String, Object> memo = new ConcurrentHashMap<>();
  private final WarehouseOptions options;
  /** 1 for the warehouse's own hold while current, plus 1 per read in flight. */
  private final AtomicInteger holds = new AtomicInteger(1);
  private volatile boolean closed;

  private SnapshotDatabase(SnapshotRef snapshot, Set<LakeTable> views, Set<LakeTable> emptyTables,
      Optional<JsonNode> loadReport, DuckDBConnection root, BlockingQueue<Pooled> pool,
      WarehouseOptions options) {
    this.snapshot = snapshot;
    this.views = Collections.unmodifiableSet(views);
    this.emptyTables = Collections.unmodifiableSet(emptyTables);
    this.loadReport = loadReport;
    this.root = root;
    this.pool = pool;
    this.options = options;
  }

  static SnapshotDatabase open(Lake lake, SnapshotRef snapshot, WarehouseOptions options) {
    Path dir = realDirectory(snapshot);
    Optional<JsonNode> report = lake.loadReport(snapshot);
    DuckDBConnection root;
    try {
      root = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", hardened(dir));
    } catch (SQLException e) {
      throw new WarehouseException("cannot start DuckDB for snapshot " + snapshot.id()
          + ": " + e.getMessage(), e);
    }
    try {
      execute(root, ATTACH_SERVING.sql(), ATTACH_SERVING, snapshot);
      Set<LakeTable> views = EnumSet.noneOf(LakeTable.class);
      Set<LakeTable> empty = EnumSet.noneOf(LakeTable.class);
      for (LakeTable table : LakeTable.values()) {
        Path tableDir = dir.resolve(table.folder());
        if (!Files.isDirectory(tableDir)) {
          continue;
        }
        if (table == LakeTable.EXTERNAL_INDICATOR_VALUES && !views.contains(LakeTable.INDICATOR_VALUES)) {
          throw new LakeException(tableDir + " is served as part of indicator_values, which the snapshot lacks");
        }
        if (hasParquet(tableDir)) {
          createView(root, table, tableDir, snapshot);
          views.add(table);
        } else {
          empty.add(table);
        }
      }
      BlockingQueue<Pooled> pool = new ArrayBlockingQueue<>(options.poolSize());
      for (int i = 0; i < options.poolSize(); i++) {
        pool.add(new Pooled((DuckDBConnection) root.duplicate()));
      }
      return new SnapshotDatabase(snapshot, views, empty, report, root, pool, options);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(root);
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
    return views;
  }

  /** Tables whose folder exists but holds no Parquet file: present, with no rows and no view. */
  Set<LakeTable> emptyTables() {
    return emptyTables;
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
    while (true) {
      int h = holds.get();
      if (h == 0) {
        return false;
      }
      if (holds.compareAndSet(h, h + 1)) {
        return true;
      }
    }
  }

  /** Gives a hold back; the last one closes DuckDB. */
  void release() {
    int left = holds.decrementAndGet();
    if (left == 0) {
      closeNow();
    } else if (left < 0) {
      throw new IllegalStateException("snapshot " + snapshot.id() + " released more than retained");
    }
  }

  /** The value of {@code name} for this snapshot: computed by the first caller, then kept. */
  @SuppressWarnings("unchecked")
  <T> T memo(String name, Supplier<T> compute) {
    return (T) memo.computeIfAbsent(name, k -> compute.get());
  }

  Pooled borrow() {
    Duration wait = options.borrowTimeout();
    try {
      Pooled c = pool.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
      if (c == null) {
        throw new WarehouseBusyException("all " + options.poolSize()
            + " warehouse connections stayed busy for " + wait.toSeconds() + " s", null);
      }
      return c;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WarehouseBusyException("interrupted while waiting for a warehouse connection", e);
    }
  }

  void giveBack(Pooled connection) {
    pool.add(connection);
  }

  private void closeNow() {
    closed = true;
    List<Pooled> all = new ArrayList<>();
    pool.drainTo(all);
    all.forEach(Pooled::close);
    closeQuietly(root);
  }

  /**
   * A pooled connection and the statements prepared on it, the least recently used closed beyond
   * {@value #STATEMENTS_PER_CONNECTION}: parsing and planning a read again costs as much as the
   * read. Used by one session at a time.
   */
  static final class Pooled {
    private final DuckDBConnection connection;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
        if (size() <= STATEMENTS_PER_CONNECTION) {
          return false;
        }
        closeQuietly(eldest.getValue());
        return true;
      }
    };

    private Pooled(DuckDBConnection connection) {
      this.connection = connection;
    }

    /** The statement for {@code sql}, its parameters cleared. */
    PreparedStatement prepare(String sql) throws SQLException {
      PreparedStatement st = statements.get(sql);
      if (st == null) {
        st = connection.prepareStatement(sql);
        statements.put(sql, st);
      } else {
        st.clearParameters();
      }
      return st;
    }

    /** Drops the statement for {@code sql} (after it failed: it is not reused). */
    void forget(String sql) {
      PreparedStatement st = statements.remove(sql);
      if (st != null) {
        closeQuietly(st);
      }
    }

    private void close() {
      statements.values().forEach(SnapshotDatabase::closeQuietly);
      statements.clear();
      closeQuietly(connection);
    }
  }

  private static Properties hardened(Path dir) {
    Properties config = new Properties();
    config.setProperty("allowed_directories", "['" + listElement(dir + "/") + "']");
    config.setProperty("enable_external_access", "false");
    config.setProperty("autoload_known_extensions", "false");
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("lock_configuration", "true");
    return config;
  }

  /** Escapes for DuckDB's VARCHAR to VARCHAR[] cast, which reads backslash escapes in quotes. */
  private static String listElement(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }

  private static Path realDirectory(SnapshotRef snapshot) {
    Path dir;
    try {
      dir = snapshot.dir().toRealPath();
    } catch (IOException e) {
      throw new LakeException("snapshot folder " + snapshot.dir() + " cannot be opened: " + e, e);
    }
    for (char c : GLOB_CHARS.toCharArray()) {
      if (dir.toString().indexOf(c) >= 0) {
        throw new LakeException("the lake path must not contain the glob character '" + c
            + "' (DuckDB would expand it): " + dir);
      }
    }
    if (dir.toString().indexOf('=') >= 0) {
      // DuckDB reads every key=value folder of a file's path as a partition, lake path included.
      throw new LakeException("the lake path must not contain '=' (DuckDB would read a key=value "
          + "folder as a hive partition column): " + dir);
    }
    return dir;
  }

  private static boolean hasParquet(Path tableDir) {
    try (Stream<Path> files = Files.walk(tableDir)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet")
          && Files.isRegularFile(p));
    } catch (IOException e) {
      throw new LakeException("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasYearFolder(Path tableDir) {
    try (Stream<Path> entries = Files.list(tableDir)) {
      return entries.anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("year="));
    } catch (IOException e) {
      throw new LakeException("cannot list " + tableDir + ": " + e.getMessage(), e);
    }
  }

  private static void createView(DuckDBConnection root, LakeTable table, Path tableDir, SnapshotRef snapshot) {
    String files = tableDir + "/**/*.parquet";
    List<SqlFile> setUp = MATERIALIZED.get(table);
    if (setUp != null) {
      for (SqlFile step : setUp) {
        execute(root, (step.has("files") ? step.withStringLiteral("files", files) : step).sql(), step, snapshot);
      }
      return;
    }
    SqlFile file = !table.partitionedByYear() ? CREATE_VIEW
        : hasYearFolder(tableDir) ? CREATE_PARTITIONED_VIEW : CREATE_UNPARTITIONED_FACT_VIEW;
    execute(root, file.withTable("table", table).withStringLiteral("files", files).sql(), file, snapshot);
  }

  private static void execute(DuckDBConnection root, String sql, SqlFile file, SnapshotRef snapshot) {
    try (Statement st = root.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new WarehouseException("cannot set up snapshot " + snapshot.id() + " (" + file.path() + "): "
          + e.getMessage(), e);
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing a DuckDB connection or statement failed: " + e.getMessage(), e);
    }
  }
}
