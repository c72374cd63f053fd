package vn.danvan.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.bench.query.PostgresCluster;
import vn.danvan.bench.query.PostgresLoader;
import vn.danvan.bench.query.QueryBench;
import vn.danvan.contract.Lake;
import vn.danvan.contract.SnapshotRef;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.dashboard.access.AccountStore;
import vn.danvan.contract.audit.AuditLog;
import vn.danvan.contract.audit.Audits;
import vn.danvan.warehouse.query.RegionScope;

/**
 * {@code bench load}: {@code --users} signed-in virtual users replay the pages' mixed reads against
 * the dashboard server (its own process, its memory sampled) for {@code --seconds}: first a cold
 * pass (every read of each scope's mix once, the answer cache empty), then a warm phase of random
 * draws from the same reads. Each user has its own account in the lake's store ({@link
 * LoadAccounts}: about 60 % national viewers, the others viewers of up to four provinces), disabled
 * at the end, and reads only what its scope's pages would ask. Then PostgreSQL, loaded with the
 * same marts, answers the reads of the nation's mix it holds data for (series, maps, rankings,
 * regions) as SQL over as many connections as there are users.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Many signed-in users of several scopes at once: the pages' mixed reads against the dashboard "
        + "server (cold, then warm), and the nation's reads as SQL on PostgreSQL at the same concurrency. "
        + "Creates (or resets) one viewer account per user, " + LoadAccounts.PREFIX + "01 ..., in the lake's "
        + "store and disables them all at the end.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:measured, no errors", "1:some reads failed (see the first errors printed)",
        "2:no snapshot in the lake"})
public final class LoadBench implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Option(names = "--users", defaultValue = "50", description = "Virtual users at once (default ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--seconds", defaultValue = "60", description = "Length of the warm phase and of PostgreSQL's "
      + "(default ${DEFAULT-VALUE}); the cold pass stops after as long at most.")
  int seconds;

  @Option(names = "--reads", defaultValue = "600", description = "Distinct reads in the mixes, shared "
      + "among the scopes as their users are (default ${DEFAULT-VALUE}).")
  int reads;

  @Option(names = "--seed", defaultValue = "16", description = "Seed of the mix (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--server-heap", defaultValue = "1g", description = "The server JVM's -Xmx, as bin/danvan serve "
      + "gives it (default ${DEFAULT-VALUE}).")
  String serverHeap;

  @Option(names = "--duckdb-memory-mb", defaultValue = "1024", description = "The server's DuckDB memory_limit "
      + "(default ${DEFAULT-VALUE}).")
  int duckDbMemoryMib;

  @Option(names = "--no-postgres", description = "Skip PostgreSQL.")
  boolean noPostgres;

  @Option(names = "--pg-port", defaultValue = "0", description = "PostgreSQL port on 127.0.0.1 (default: a free one).")
  int pgPort;

  @Option(names = "--out", defaultValue = "data/bench/bench-load.json", description = "JSON result (default ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() throws Exception {
    Lake theLake = Lake.at(lake.folder());
    Optional<SnapshotRef> snapshot = theLake.published();
    if (snapshot.isEmpty()) {
      System.err.println("[bench] no snapshot is published in " + theLake.root() + " (no CURRENT): run a load first");
      return 2;
    }
    if (users < 1 || seconds < 1 || reads < 1) {
      System.err.println("[bench] --users, --seconds and --reads must be at least 1");
      return 2;
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("lake", theLake.root().toAbsolutePath().toString());
    report.put("snapshot", snapshot.get().id());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("users", users);
    report.put("seconds", seconds);
    Map<String, List<Read>> mixes = new LinkedHashMap<>();
    List<Read> pgMix;
    PhaseResult cold;
    PhaseResult warm;
    Path log = out.resolveSibling("bench-load-server.log");
    List<String> jvm = List.of("-Xmx" + serverHeap, "-XX:MaxDirectMemorySize=256m");
    try (AuditLog audit = Audits.forLake(theLake);
        LoadAccounts accounts = new LoadAccounts(AccountStore.open(theLake), audit, Clock.systemUTC())) {
      // an interrupted bench (Ctrl-C, timeout) must not leave its accounts usable either
      Thread hook = new Thread(accounts::close, "bench-accounts-disable");
      Runtime.getRuntime().addShutdownHook(hook);
      int national = LoadAccounts.nationalUsers(users);
      for (int u = 0; u < national; u++) {
        accounts.add(u, RegionScope.COUNTRY);
      }
      String firstToken = accounts.users().get(0).token();
      try (ServerProcess server = ServerProcess.start(theLake.root(), jvm, duckDbMemoryMib, log, firstToken)) {
        long startedRss = server.takePeakRss();
        System.out.printf(Locale.ROOT, "[bench] server pid %d at %s (%s, DuckDB %d MiB), RSS %s after start; log %s%n",
            server.pid(), server.url(), String.join(" ", jvm), duckDbMemoryMib, mib(startedRss), log);
        // the provinces as the first national account is shown them
        List<String> provinces = LoadAccounts.spread(
            Mix.provinces(new HttpReads(server.url(), List.of(firstToken)), 0), users - national);
        for (int u = national; u < users; u++) {
          accounts.add(u, provinces.isEmpty() ? RegionScope.COUNTRY : provinces.get((u - national) % provinces.size()));
        }
        List<LoadAccounts.User> signedIn = accounts.users();
        List<String> scopes = signedIn.stream().map(LoadAccounts.User::scope).toList();
        HttpReads http = new HttpReads(server.url(), signedIn.stream().map(LoadAccounts.User::token).toList());
        Mix.Facts nation = null;
        for (String scope : new java.util.LinkedHashSet<>(scopes)) {
          Mix.Facts facts = Mix.discover(http, scopes.indexOf(scope), scope);
          nation = scope.equals(RegionScope.COUNTRY) ? facts : nation;
          int scopeUsers = java.util.Collections.frequency(scopes, scope);
          mixes.put(scope, Mix.draw(facts, seed, Math.max(1, Math.round((float) reads * scopeUsers / users))));
          System.out.printf(Locale.ROOT, "[bench] scope %s: %d users (%s%s), %d reads (seed %d) over %d indicators, "
              + "%d survey series, years %d-%d%n", scope, scopeUsers, signedIn.get(scopes.indexOf(scope)).login(),
              scopeUsers > 1 ? " ..." : "", mixes.get(scope).size(), seed, facts.indicators().size(),
              facts.surveys().size(), facts.firstYear(), facts.lastYear());
        }
        // PostgreSQL needs no scope: it answers the nation's mix of --reads, as before the logins
        pgMix = Mix.draw(nation, seed, reads);
        VirtualUsers httpUsers = new VirtualUsers(scopes, http);
        cold = httpUsers.once("dashboard cold", mixes, seconds);
        long coldRss = server.takePeakRss();
        System.out.println(cold.line() + "   server peak RSS " + mib(coldRss));
        System.out.println(cold.scopeLine());
        warm = httpUsers.forSeconds("dashboard warm", mixes, seconds);
        long warmRss = server.takePeakRss();
        System.out.println(warm.line() + "   server peak RSS " + mib(warmRss));
        System.out.println(warm.scopeLine());
        warm.kindLines().forEach(System.out::println);
        report.put("server", Map.of("pid", server.pid(), "jvm_options", jvm, "duckdb_memory_mib", duckDbMemoryMib,
            "rss_after_start_bytes", startedRss, "peak_rss_cold_bytes", coldRss, "peak_rss_warm_bytes", warmRss,
            "vm_hwm_bytes", server.highWaterRss(), "measured", "VmRSS of /proc/<pid>/status sampled every 100 ms"));
        System.out.println("[bench] server VmHWM (high-water mark since start): " + mib(server.highWaterRss()));
      }
      accounts.close();
      Runtime.getRuntime().removeShutdownHook(hook);
      List<LoadAccounts.User> used = accounts.users();
      System.out.printf(Locale.ROOT, "[bench] disabled the bench's %d accounts (%s..%s, viewers): their tokens open "
          + "nothing now%n", used.size(), used.get(0).login(), used.get(used.size() - 1).login());
      report.put("accounts", Map.of("users", used.size(), "scopes", mixes.keySet(),
          "reads_per_scope", mixes.entrySet().stream().collect(java.util.stream.Collectors.toMap(
              Map.Entry::getKey, e -> e.getValue().size())),
          "disabled_at_end", true));
    }
    report.put("dashboard_cold", cold.json());
    report.put("dashboard_warm", warm.json());
    printErrors(cold);
    printErrors(warm);
    if (!noPostgres) {
      postgres(snapshot.get(), pgMix, warm, report);
    }
    write(report);
    return cold.errors() + warm.errors() == 0 ? 0 : 1;
  }

  private void postgres(SnapshotRef snapshot, List<Read> mix, PhaseResult warm, Map<String, Object> report)
      throws Exception {
    Optional<Path> pgBin = PostgresCluster.installedBin();
    if (pgBin.isEmpty()) {
      System.out.println("[bench] PostgreSQL is not installed; skipped (" + PostgresCluster.INSTALL_HINT + ")");
      return;
    }
    List<Read> sql = mix.stream().filter(Read::hasSql).toList();
    try (PostgresCluster pg = PostgresCluster.start(pgBin.get(), pgPort, settings())) {
      // an interrupted bench (Ctrl-C, timeout) must not leave its throwaway cluster running
      Thread hook = new Thread(pg::close, "bench-postgres-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      PostgresLoader.load(snapshot, pg);
      try (Connection c = pg.connect(); Statement st = c.createStatement()) {
        st.execute(PostgresReads.sql("pg_index_parent").sql());
        st.execute("VACUUM (ANALYZE) mart_regions");
      }
      PhaseResult result;
      try (PostgresReads reads = new PostgresReads(users, pg::connect)) {
        new VirtualUsers(users, reads).once("postgres warm-up", sql, seconds);
        result = new VirtualUsers(users, reads).forSeconds("postgres", sql, seconds);
      }
      System.out.println(result.line() + "   (" + sql.size() + " of the " + mix.size()
          + " reads: series, map, ranking, regions; PostgreSQL holds no survey or outreach data)");
      result.kindLines().forEach(System.out::println);
      printErrors(result);
      System.out.printf(Locale.ROOT, "[bench] requests/s, dashboard warm (whole mix) / PostgreSQL (its part): %.2f%n",
          warm.requestsPerSecond() / result.requestsPerSecond());
      report.put("postgres", result.json());
      report.put("ratio_rps_dashboard_warm_to_postgres", warm.requestsPerSecond() / result.requestsPerSecond());
      pg.close();
      Runtime.getRuntime().removeShutdownHook(hook);
    }
  }

  private static void printErrors(PhaseResult r) {
    r.firstErrors().forEach(e -> System.out.println("    error (" + r.name() + "): " + e));
  }

  private void write(Map<String, Object> report) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), report);
    System.out.println("[bench] -> " + out);
  }

  private static String settings() throws IOException {
    String path = QueryBench.class.getPackageName().replace('.', '/') + "/postgresql-bench.conf";
    try (InputStream in = LoadBench.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("resource not found on the classpath: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String mib(long bytes) {
    return String.format(Locale.ROOT, "%,d MiB", bytes >> 20);
  }
}
