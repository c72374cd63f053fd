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

/**
 * {@code bench load}: {@code --users} virtual users replay the pages' mixed reads against the
 * dashboard server (its own process, its memory sampled) for {@code --seconds}: first a cold pass
 * (every read of the mix once, the answer cache empty), then a warm phase of random draws from the
 * same reads. Then PostgreSQL, loaded with the same marts, answers the reads it holds data for
 * (series, maps, rankings, regions) as SQL over as many connections as there are users.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = "Many users at once: the pages' mixed reads against the dashboard server (cold, then warm), "
        + "and the same reads as SQL on PostgreSQL at the same concurrency.",
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

  @Option(names = "--reads", defaultValue = "600", description = "Distinct reads in the mix (default ${DEFAULT-VALUE}).")
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
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("lake", theLake.root().toAbsolutePath().toString());
    report.put("snapshot", snapshot.get().id());
    report.put("cores", Runtime.getRuntime().availableProcessors());
    report.put("users", users);
    report.put("seconds", seconds);
    List<Read> mix;
    PhaseResult cold;
    PhaseResult warm;
    Path log = out.resolveSibling("bench-load-server.log");
    List<String> jvm = List.of("-Xmx" + serverHeap, "-XX:MaxDirectMemorySize=256m");
    try (ServerProcess server = ServerProcess.start(theLake.root(), jvm, duckDbMemoryMib, log)) {
      long startedRss = server.takePeakRss();
      System.out.printf(Locale.ROOT, "[bench] server pid %d at %s (%s, DuckDB %d MiB), RSS %s after start; log %s%n",
          server.pid(), server.url(), String.join(" ", jvm), duckDbMemoryMib, mib(startedRss), log);
      HttpReads http = new HttpReads(server.url());
      Mix.Facts facts = Mix.discover(http);
      mix = Mix.draw(facts, seed, reads);
      System.out.printf(Locale.ROOT, "[bench] mix: %d reads (seed %d) over %d indicators, %d survey series, years %d-%d%n",
          mix.size(), seed, facts.indicators().size(), facts.surveys().size(), facts.firstYear(), facts.lastYear());
      VirtualUsers httpUsers = new VirtualUsers(users, http);
      cold = httpUsers.once("dashboard cold", mix, seconds);
      long coldRss = server.takePeakRss();
      System.out.println(cold.line() + "   server peak RSS " + mib(coldRss));
      warm = httpUsers.forSeconds("dashboard warm", mix, seconds);
      long warmRss = server.takePeakRss();
      System.out.println(warm.line() + "   server peak RSS " + mib(warmRss));
      warm.kindLines().forEach(System.out::println);
      report.put("server", Map.of("pid", server.pid(), "jvm_options", jvm, "duckdb_memory_mib", duckDbMemoryMib,
          "rss_after_start_bytes", startedRss, "peak_rss_cold_bytes", coldRss, "peak_rss_warm_bytes", warmRss,
          "vm_hwm_bytes", server.highWaterRss(), "measured", "VmRSS of /proc/<pid>/status sampled every 100 ms"));
      System.out.println("[bench] server VmHWM (high-water mark since start): " + mib(server.highWaterRss()));
    }
    report.put("dashboard_cold", cold.json());
    report.put("dashboard_warm", warm.json());
    printErrors(cold);
    printErrors(warm);
    if (!noPostgres) {
      postgres(snapshot.get(), mix, warm, report);
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
