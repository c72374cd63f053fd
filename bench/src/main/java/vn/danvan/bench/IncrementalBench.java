package vn.danvan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.retention.DiskUsage;
import vn.danvan.etl.lake.LakeWriter;

/**
 * Month after month of one province's new report values and activities loaded into a copy of a
 * lake, each load as {@code bin/danvan load} runs it (a new JVM), and then the last month again
 * with {@code --full} into a fresh copy, side by side: wall time of each load and how much each
 * made the lake grow (bytes of files no earlier snapshot shares), and the growth of all the months
 * together. The copies hard-link the source lake's current snapshot (loads never write into a
 * published file), so the source is never changed. With {@code --scale N} the source is the demo
 * lake of that scale ({@code WORK/lake-scale-N}), generated and loaded once and kept.
 */
@Command(name = "incremental", mixinStandardHelpOptions = true,
    description = "Monthly loads of one province's news into a copy of a lake, each timed, beside one --full load.")
final class IncrementalBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin LakeOption lake;

  @Option(names = "--scale", description = "use the demo lake of this scale (WORK/lake-scale-N; made once, kept) "
      + "instead of --lake")
  Double scale;

  @Option(names = "--province", defaultValue = "01", description = "the province whose news is loaded "
      + "(default ${DEFAULT-VALUE}: Hà Nội, the same code before and after 2025)")
  String province;

  @Option(names = "--rows", defaultValue = "2000",
      description = "new activity rows and new report values a month, each (default ${DEFAULT-VALUE})")
  int rows;

  @Option(names = "--month", defaultValue = "2025-02", description = "the first month (default ${DEFAULT-VALUE}; the warm-up load is the month before, in the same year, so that a lake written in an older layout has that year rewritten before the months are timed)")
  YearMonth month;

  @Option(names = "--months", defaultValue = "12", description = "monthly loads, one after the other "
      + "(default ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--watch", description = "send each month as a submission to one `load --submissions --watch` "
      + "JVM, as offices' files reach a running loader, instead of a new JVM a load (--full still runs in its own)")
  boolean watch;

  @Option(names = "--work", defaultValue = "data/bench", description = "work folder (default ${DEFAULT-VALUE})")
  Path work;

  /** One load: its month, wall time, the bytes it added and (--watch) the watcher's RSS after it, else -1. */
  record Timed(String what, double seconds, long growth, long rss) {}

  @Override
  public Integer call() throws Exception {
    // written by this run's first load (uncounted), as bin/danvan's first load writes its own
    Files.deleteIfExists(classArchive());
    Lake source = Lake.at(scale == null ? lake.folder() : scaleLake());
    String current = source.current().orElseThrow(() -> new IllegalArgumentException(source + " has no snapshot"));
    Path copy = work.resolve("lake-incremental");
    EtlBench.deleteTree(copy);
    linkCopy(source, current, copy);
    long lakeBytes = DiskUsage.of(Lake.at(copy)).onDisk();
    // the month before warms the copy up: a lake written before loads were incremental (or before
    // months were files of their own) rewrites what it holds in the old layout once
    Timed warmUp;
    long afterWarmUp;
    List<Timed> loads = new ArrayList<>();
    try (Watcher watcher = watch ? new Watcher(copy) : null) {
      warmUp = month(watcher, "warm-up " + month.minusMonths(1), monthLanding(source.snapshot(current),
          month.minusMonths(1)), copy);
      afterWarmUp = DiskUsage.of(Lake.at(copy)).onDisk();
      for (int i = 0; i < months; i++) {
        YearMonth m = month.plusMonths(i);
        loads.add(month(watcher, m.toString(), monthLanding(source.snapshot(current), m), copy));
      }
    }
    // snapshots only grow during the run, so the months' growths add up (--watch: with the submitted files)
    long grown = watch ? loads.stream().mapToLong(Timed::growth).sum() : DiskUsage.of(Lake.at(copy)).onDisk() - afterWarmUp;
    YearMonth last = month.plusMonths(months - 1);
    Timed cold = null;
    if (watch) {
      // the peer of the watcher's months: the last of them in the first year (a month of a new
      // year rolls up a year of one month) in a JVM of its own, as bin/danvan load runs it, into a
      // fresh copy warmed up as the watcher's was
      YearMonth peer = last.getYear() == month.getYear() ? last : YearMonth.of(month.getYear(), 12);
      EtlBench.deleteTree(copy);
      linkCopy(source, current, copy);
      load("warm-up " + month.minusMonths(1) + ", a JVM", monthLanding(source.snapshot(current), month.minusMonths(1)),
          copy, false);
      cold = load(peer + ", a JVM", monthLanding(source.snapshot(current), peer), copy, false);
    }
    EtlBench.deleteTree(copy);
    linkCopy(source, current, copy);
    Timed full = load("--full " + last, monthLanding(source.snapshot(current), last), copy, true);
    EtlBench.deleteTree(copy);

    double mean = loads.stream().mapToDouble(Timed::seconds).average().orElse(Double.NaN);
    double max = loads.stream().mapToDouble(Timed::seconds).max().orElse(Double.NaN);
    ObjectNode result = JSON.createObjectNode().put("source_lake", source.toString()).put("snapshot", current)
        .put("province", province).put("rows", rows).put("months_through", watch ? "load --submissions --watch" : "load, a JVM each").put("first_month", month.toString()).put("months", months)
        .put("lake_bytes", lakeBytes).put("warm_up_seconds", warmUp.seconds())
        .put("incremental_mean_seconds", mean).put("incremental_max_seconds", max)
        .put("full_seconds", full.seconds()).put("max_over_full", max / full.seconds())
        .put("months_growth_bytes", grown).put("months_growth_fraction", (double) grown / lakeBytes);
    if (cold != null) {
      result.put("peer_month", cold.what()).put("peer_month_in_own_jvm_seconds", cold.seconds());
    }
    ArrayNode each = result.putArray("loads");
    loads.forEach(t -> {
      ObjectNode load = each.addObject().put("month", t.what()).put("seconds", t.seconds()).put("growth_bytes", t.growth());
      if (t.rss() >= 0) {
        load.put("watcher_rss_bytes", t.rss());
      }
    });
    Files.createDirectories(work);
    Path out = work.resolve("bench-incremental-" + (scale == null ? "lake" : "scale-" + EtlBench.label(scale))
        + (watch ? "-watch" : "") + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), result);
    StringBuilder table = new StringBuilder();
    for (Timed t : loads) {
      table.append(String.format(Locale.ROOT, "[bench]   %-20s %7.1f s %9.2f MiB%s%n", t.what(), t.seconds(),
          t.growth() / 1048576.0, t.rss() < 0 ? "" : String.format(Locale.ROOT, "   watcher's RSS %,d MiB", t.rss() >> 20)));
    }
    System.out.printf(Locale.ROOT, """
        [bench] incremental: province %s, %,d activities and %,d report values a month, into a copy of %s (%,.1f MiB)
        [bench]   load                    wall      lake growth    (%s)
        [bench]   %-20s %7.1f s %9.2f MiB   (not counted: rewrites the old layout once)
        %s%s[bench]   %-20s %7.1f s %9.2f MiB
        [bench]   a month: mean %.1f s, slowest %.1f s (goal <= 60 s); slowest / --full: %.3f (goal <= 0.1)
        [bench]   %d months grew the lake by %,.2f MiB: %.1f %% of its size (goal <= 10 %%)   -> %s
        """, province, rows, rows, source, lakeBytes / 1048576.0, watch
            ? "months: submitted to one load --submissions --watch JVM, timed until published; --full: a JVM of its own"
            : "each a new JVM, as bin/danvan load", warmUp.what(), warmUp.seconds(),
        warmUp.growth() / 1048576.0, table, cold == null ? "" : String.format(Locale.ROOT,
            "[bench]   %-20s %7.1f s %9.2f MiB   (peer: in a JVM of its own, after the warm-up month, into a fresh copy)%n", cold.what(),
            cold.seconds(), cold.growth() / 1048576.0), full.what(), full.seconds(), full.growth() / 1048576.0, mean, max,
        max / full.seconds(), months, grown / 1048576.0, 100.0 * grown / lakeBytes, out);
    return 0;
  }

  /** The demo lake of {@code --scale}: made from the demo landing once, then kept for the next runs. */
  private Path scaleLake() throws Exception {
    Path dir = work.resolve("lake-scale-" + EtlBench.label(scale));
    if (Lake.at(dir).current().isEmpty()) {
      Path landing = EtlBench.landing(work, scale, "2015-2025", false);
      if (landing == null) {
        throw new IllegalStateException("cannot generate the demo landing of scale " + scale);
      }
      EtlBench.deleteTree(dir);
      System.out.printf(Locale.ROOT, "[bench] loading %s into %s (once; kept for the next runs)%n", landing, dir);
      Timed made = load("the lake", landing, dir, false);
      System.out.printf(Locale.ROOT, "[bench] loaded in %.1f s%n", made.seconds());
    }
    return dir;
  }

  /** A month's load: through the watcher when there is one, else {@link #load} in a JVM of its own. */
  private Timed month(Watcher watcher, String what, Path landing, Path lakeDir) throws Exception {
    return watcher != null ? watcher.load(what, landing) : load(what, landing, lakeDir, false);
  }

  /** {@code bin/danvan load} of a landing into a lake, in a new JVM with this one's options; its log in WORK. */
  private Timed load(String what, Path landing, Path lakeDir, boolean full) throws Exception {
    long before = DiskUsage.of(Lake.at(lakeDir)).onDisk();
    List<String> args = new ArrayList<>(List.of("load", landing.toString(), "--lake", lakeDir.toString(),
        "--progress", "lines"));
    if (full) {
      args.add("--full");
    }
    Path log = work.resolve("bench-incremental-load.log");
    long t0 = System.nanoTime();
    Jvm jvm = new Jvm(args, log);
    int exit = jvm.process().waitFor();
    double seconds = EtlBench.secondsSince(t0);
    if (exit != 0) {
      throw new IllegalStateException("the load of " + what + " failed (exit " + exit + "); see " + log);
    }
    jvm.keepArchive();
    long growth = DiskUsage.of(Lake.at(lakeDir)).onDisk() - before;
    System.out.printf(Locale.ROOT, "[bench] %s: %.1f s, lake grew by %,d bytes%n", what, seconds, growth);
    return new Timed(what, seconds, growth, -1);
  }

  /**
   * A {@code danvan} command in a new JVM with this one's options and classpath, its output to
   * {@code log}. Class data sharing as bin/danvan uses it: the first JVM of a run archives the
   * classes it loaded ({@link #keepArchive} once it has ended), the others map that archive
   * (README, "Class data sharing").
   */
  private final class Jvm {
    private final Process process;
    private final Path writing;

    Jvm(List<String> args, Path log) throws IOException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      Path archive = classArchive();
      writing = Files.exists(archive) ? null : archive.resolveSibling(archive.getFileName() + ".writing");
      command.addAll(writing != null ? List.of("-XX:ArchiveClassesAtExit=" + writing)
          : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), vn.danvan.etl.cli.Main.class.getName()));
      command.addAll(args);
      process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    Process process() {
      return process;
    }

    /** After the JVM ended: the archive it wrote (if it was the first) becomes the run's. */
    void keepArchive() throws IOException {
      if (writing != null && Files.exists(writing)) {
        Files.move(writing, classArchive(), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /**
   * One {@code load --submissions --watch} JVM over the copy, started (Spark and all) before the
   * first month is sent: each month's files are submitted as the intake stores them, and the load
   * is timed from the submission to the switch of CURRENT that publishes it.
   */
  private final class Watcher implements AutoCloseable {
    private static final long TIMEOUT_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
    private final Lake lake;
    private final Path log;
    private final Jvm jvm;

    Watcher(Path lakeDir) throws Exception {
      lake = Lake.at(lakeDir);
      log = work.resolve("bench-incremental-watch.log");
      jvm = new Jvm(List.of("load", "--submissions", "--watch", "1", "--lake", lakeDir.toString(),
          "--progress", "lines"), log);
      long t0 = System.nanoTime();
      awaitUntil(() -> Files.readString(log).contains("load --watch: loading"), t0, "start watching");
      System.out.printf(Locale.ROOT, "[bench] load --submissions --watch started in %.1f s (not counted)%n",
          EtlBench.secondsSince(t0));
    }

    Timed load(String what, Path landing) throws Exception {
      long before = DiskUsage.of(lake).onDisk();
      String previous = lake.current().orElse(null);
      List<Path> files;
      try (java.util.stream.Stream<Path> all = Files.walk(landing)) {
        files = all.filter(Files::isRegularFile).sorted().toList();
      }
      long t0 = System.nanoTime();
      vn.danvan.contract.intake.Submissions inbox = vn.danvan.contract.intake.Submissions.of(lake);
      String id = inbox.submit(files, "bench", province, java.time.Instant.now(), 0).id();
      awaitUntil(() -> {
        if (inbox.find(id).orElseThrow().state() == vn.danvan.contract.intake.SubmissionState.REFUSED) {
          throw new IllegalStateException("the submission of " + what + " was refused; see " + log);
        }
        return !lake.current().orElse("").equals(previous == null ? "" : previous);
      }, t0, "publish " + what);
      double seconds = EtlBench.secondsSince(t0);
      // the submitted files are kept in the lake (LAKE/submissions/) beside the snapshots
      long kept = 0;
      for (Path f : files) {
        kept += Files.size(f);
      }
      long growth = DiskUsage.of(lake).onDisk() - before + kept;
      // the watcher's memory after each load: one that kept what its loads left would grow with them
      long rss = PeakMemory.rssBytes(jvm.process().pid());
      System.out.printf(Locale.ROOT, "[bench] %s: %.1f s, lake grew by %,d bytes (%,d of them the submission);"
          + " the watcher's RSS %,d MiB%n", what, seconds, growth, kept, rss >> 20);
      return new Timed(what, seconds, growth, rss);
    }

    private void awaitUntil(Callable<Boolean> done, long t0, String what) throws Exception {
      while (!done.call()) {
        if (!jvm.process().isAlive() || System.nanoTime() - t0 > TIMEOUT_NANOS) {
          throw new IllegalStateException("load --watch did not " + what + (jvm.process().isAlive()
              ? " within 10 minutes" : " (it exited " + jvm.process().exitValue() + ")") + "; see " + log);
        }
        Thread.sleep(20);
      }
    }

    /** Stops the watcher as Ctrl-C would, between loads. */
    @Override
    public void close() throws Exception {
      jvm.process().destroy();
      if (!jvm.process().waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
        jvm.process().destroyForcibly().waitFor();
      }
      jvm.keepArchive();
    }
  }

  /** The class data sharing archive of this run's loads (their classpath is this JVM's). */
  private Path classArchive() {
    return work.resolve("bench-incremental.jsa");
  }

  /**
   * A landing of one month's news from {@code --province}: {@code --rows} activities in its
   * communes valid that month and as many report values (the province's and its communes'), read
   * from the snapshot's regions.
   */
  private Path monthLanding(Path snapshot, YearMonth m) throws Exception {
    Path landing = work.resolve("landing-incremental-" + m);
    EtlBench.deleteTree(landing);
    List<String> communes = new ArrayList<>();
    LocalDate first = m.atDay(1);
    LocalDate end = m.atEndOfMonth();
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement st = db.prepareStatement("""
            WITH RECURSIVE r AS (SELECT * FROM read_parquet(?) WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)),
            under(code, level) AS (SELECT code, level FROM r WHERE code = ?
              UNION SELECT r.code, r.level FROM r JOIN under u ON r.parent_code = u.code)
            SELECT code FROM under WHERE level = 'commune' ORDER BY code""")) {
      st.setString(1, Lake.table(snapshot, Table.REGIONS) + "/**/*.parquet");
      st.setObject(2, end);
      st.setObject(3, first);
      st.setString(4, province);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          communes.add(rs.getString(1));
        }
      }
    }
    if (communes.isEmpty()) {
      throw new IllegalStateException("no commune of province " + province + " in " + snapshot + " is valid in " + m);
    }
    SplittableRandom random = new SplittableRandom(m.hashCode());
    String[] types = {"dialogue", "briefing_conference", "gift_visit", "legal_awareness_session", "house_support"};
    StringBuilder activities = new StringBuilder("activity_id,unit,region_code,start_date,end_date,activity_type,"
        + "campaign_code,sessions,participants,quantity,man_days,value_vnd,note\n");
    for (int i = 0; i < rows; i++) {
      LocalDate day = first.plusDays(random.nextInt(m.lengthOfMonth()));
      activities.append(String.join(",", "INC-" + m + "-" + i, "military", communes.get(random.nextInt(communes.size())),
          day.toString(), "", types[random.nextInt(types.length)], "", String.valueOf(1 + random.nextInt(5)),
          String.valueOf(10 + random.nextInt(200)), "", "", String.valueOf(random.nextInt(10) * 500_000), "")).append('\n');
    }
    String[] indicators = {"briefing_conferences", "briefing_attendances", "houses_supported", "gifts", "trainees"};
    StringBuilder values = new StringBuilder("report_id,region_code,period_start,period_end,unit,indicator,"
        + "disaggregation,value,source_document\n");
    String[] units = {"mobilization_board", "military", "police", "fatherland_front", "border_guard"};
    for (int i = 0; i < rows; i++) {
      // one report value per region, unit and indicator: the province's own, then its communes'
      int region = i / indicators.length;
      String code = region == 0 ? province : communes.get((region - 1) % communes.size());
      values.append(String.join(",", "INC-RV-" + m + "-" + i, code, first.toString(), end.toString(),
          units[(region / (communes.size() + 1)) % units.length], indicators[i % indicators.length], "",
          String.valueOf(1 + random.nextInt(500)), "")).append('\n');
    }
    // named as a submission's files must be: by their table
    write(landing.resolve(Table.ACTIVITIES.folder()).resolve(Table.ACTIVITIES.folder() + "-" + m + ".csv"), activities);
    write(landing.resolve(Table.REPORT_VALUES.folder()).resolve(Table.REPORT_VALUES.folder() + "-" + m + ".csv"), values);
    return landing;
  }

  private static void write(Path file, CharSequence csv) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv, StandardCharsets.UTF_8);
  }

  /** CURRENT and its snapshot, every file a hard link (as {@code cp -al}). */
  private static void linkCopy(Lake source, String id, Path copy) throws IOException {
    LakeWriter.carryOver(source.snapshot(id), Lake.at(copy).snapshot(id));
    Files.writeString(Lake.at(copy).currentFile(), id + "\n");
  }
}
