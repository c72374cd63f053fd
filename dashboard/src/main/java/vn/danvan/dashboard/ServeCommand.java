package vn.danvan.dashboard;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.AccountStore;
import vn.danvan.dashboard.access.CachedAccounts;
import vn.danvan.contract.audit.Audits;
import vn.danvan.dashboard.limits.ClientShare;
import vn.danvan.warehouse.query.WarehouseOptions;

/** {@code serve}: the dashboard and its JSON API over the lake's CURRENT snapshot. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serves the dashboard and /api over the lake's CURRENT snapshot; a newly "
        + "published snapshot is picked up without restart.")
public final class ServeCommand implements Callable<Integer> {

  @Mixin LakeOption lake;

  @Option(names = "--port", defaultValue = "7070", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
  String host;

  @Option(names = "--host-name", paramLabel = "NAME",
      description = "A name the browser may use to reach the server, in its Host header (repeatable; "
          + "--host and localhost are always allowed). Any other Host is refused, against DNS rebinding.")
  List<String> hostNames = new ArrayList<>();

  @Option(names = "--refresh-seconds", defaultValue = "5",
      description = "How often to look for a newly published snapshot (default: ${DEFAULT-VALUE}).")
  int refreshSeconds;

  @Option(names = "--session-idle", paramLabel = "MINUTES", defaultValue = "30",
      description = "A signed-in browser is signed out after this many minutes without a request "
          + "(default: ${DEFAULT-VALUE}; at most 12 hours after its login in any case).")
  int sessionIdleMinutes;

  @Option(names = "--duckdb-memory-mb", defaultValue = "" + WarehouseOptions.DEFAULT_MEMORY_LIMIT_MIB,
      description = "DuckDB's memory_limit in MiB (default: ${DEFAULT-VALUE}); with the JVM's heap (-Xmx, "
          + "DANVAN_JAVA_OPTS) it makes the server's memory budget (README).")
  int duckDbMemoryMib;

  @Option(names = "--duckdb-threads", defaultValue = "2",
      description = "DuckDB's worker threads (default: ${DEFAULT-VALUE}).")
  int duckDbThreads;

  @Option(names = "--client-header", paramLabel = "NAME",
      description = "Take the client's identity (its share of the warehouse's connections) from this request "
          + "header, e.g. X-Real-IP set by a reverse proxy; without it, the client's address. Only behind a "
          + "proxy that sets the header on every request: a client could otherwise claim any identity.")
  String clientHeader;

  private final Map<String, String> env;
  private final Function<Lake, AccessControl> access;

  public ServeCommand() {
    this(System.getenv(), ServeCommand::lakeAccess);
  }

  /**
   * @param access the accounts and audit trail to serve with, given the lake (tests pass their
   *     doubles; {@link #lakeAccess(Lake)} otherwise)
   */
  ServeCommand(Map<String, String> env, Function<Lake, AccessControl> access) {
    this.env = Objects.requireNonNull(env, "env");
    this.access = Objects.requireNonNull(access, "access");
  }

  /** How long the server keeps an account it read for a request (a token's owner, a session's account). */
  static final Duration ACCOUNT_TTL = Duration.ofSeconds(10);

  /**
   * The one place the real stores are chosen: the lake's account store (each answer kept
   * {@link #ACCOUNT_TTL}: a request does not open the database) and its audit trail.
   */
  static AccessControl lakeAccess(Lake lake) {
    return AccessControl.of(new CachedAccounts(AccountStore.open(lake), ACCOUNT_TTL, Clock.systemUTC()),
        Audits.forLake(lake));
  }

  /** The lake to serve: --lake, else $DANVAN_LAKE, else ./data/lake. */
  Path lakeDir() {
    return lake.folder(env);
  }

  /** Starts serving and returns at once; used by {@link #call()} and by tests. */
  public DashboardServer start() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("--port must be 0..65535, not " + port);
    }
    if (refreshSeconds < 1) {
      throw new IllegalArgumentException("--refresh-seconds must be at least 1, not " + refreshSeconds);
    }
    if (sessionIdleMinutes < 1 || sessionIdleMinutes > 12 * 60) {
      throw new IllegalArgumentException("--session-idle must be 1..720 minutes, not " + sessionIdleMinutes);
    }
    Lake lake = Lake.at(lakeDir());
    WarehouseOptions options = WarehouseOptions.defaults().withMemory(duckDbMemoryMib, duckDbThreads);
    return DashboardServer.start(lake, host, port, Duration.ofSeconds(refreshSeconds), hostNames,
        access.apply(lake).withSessionIdle(Duration.ofMinutes(sessionIdleMinutes)), options,
        clientHeader == null ? null : ClientShare.headerOrAddress(clientHeader));
  }

  /** Serves until the process is told to stop (SIGTERM, Ctrl-C), then shuts down cleanly. */
  @Override
  public Integer call() throws InterruptedException {
    DashboardServer server = start();
    Thread hook = new Thread(server::close, "dashboard-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    server.awaitStop();
    return 0;
  }
}
