package vn.danvan.etl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.launcher.SparkLauncher;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.audit.AuditEvent.Action;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.SubmissionWatcher;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.contract.LakeBusyException;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.LoadRefusedException;
import vn.danvan.etl.load.LoadSummary;
import vn.danvan.etl.load.Progress;
import vn.danvan.etl.load.Typing;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.survey.SurveyRules;

/**
 * {@code danvan load LANDING_DIR}: the Spark ETL from landing files to a new lake snapshot. Exit
 * codes: 0 published (quarantined rows included), 2 input refused (nothing written); on any other
 * failure the previous snapshot stays current, the terminal gets one line ({@link LoadFailure}) and
 * the traces go to the load's log ({@link LoadLog}): 4 no space left, 5 out of memory, 6 a Spark
 * executor lost, 1 anything else (also: another load holds the lake, or another watcher watches it);
 * stopped by SIGTERM or Ctrl-C, it says so in one line too and ends with 143 ({@link LoadStop}).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Loads a landing folder (one sub-folder per table; CSV, JSON Lines, XLSX) into a new",
        "snapshot of the Parquet lake. Bad rows are quarantined with their reason; files with",
        "personal-data columns refuse the whole load (exit 2, nothing written).",
        "With --submissions instead of LANDING_DIR: loads every pending submission of the lake",
        "(LAKE/submissions/) in one load; a submission with a personal-data column or an",
        "unreadable file is refused alone, with its reason. Nothing pending: exit 0, no snapshot.",
        "With --submissions --watch: keeps running and loads submissions as they arrive",
        "(one watcher a lake: a second is refused at once, exit 1).",
        "A failed load publishes nothing and says so in one line, its traces in a log file:",
        "exit 4 no space left, 5 out of memory, 6 a Spark executor lost, 1 any other failure;",
        "stopped by SIGTERM or Ctrl-C: one line as well, nothing half-published, exit 143."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:published (or nothing pending)", "1:failed", "2:input refused, nothing written",
        "4:no space left on the device", "5:out of memory", "6:a Spark executor was lost",
        "143:stopped by SIGTERM or Ctrl-C"})
public final class LoadCommand implements Callable<Integer> {
  static final int PUBLISHED = 0;
  static final int FAILED = 1;
  static final int REFUSED = 2;

  @Spec
  CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "LANDING_DIR", description = "the landing folder to load")
  Path landing;

  @Option(names = "--submissions",
      description = "load the lake's pending submissions instead of a landing folder")
  boolean submissions;

  @Mixin LakeOption lake;

  @Option(names = "--progress", paramLabel = "auto|bars|lines", defaultValue = "auto",
      description = "bars per stage (tasks, rows, time left) on a terminal, plain lines otherwise (default: ${DEFAULT-VALUE})")
  String progressStyle;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*])")
  String master;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", hidden = true,
      description = "the load date: the latest date a record may carry (default: today in Vietnam)")
  LocalDate asOf;

  @Option(names = "--full",
      description = "rewrite every table and mart in full instead of only the year partitions the input reaches")
  boolean full;

  @Option(names = "--survey-min-respondents", paramLabel = "N", defaultValue = "30",
      description = "survey cells answered by fewer respondents are suppressed (default: ${DEFAULT-VALUE})")
  int surveyMinRespondents;

  @Option(names = "--survey-protection-level", paramLabel = "SHARE", defaultValue = "0.5",
      description = "disclosure audit: the share of its own value a withheld survey cell's range must keep (default ${DEFAULT-VALUE})")
  double surveyProtectionLevel;

  @Option(names = "--benchmark-posts", paramLabel = "N", defaultValue = "100",
      description = "overperformance: earlier posts of the channel and format in its benchmark (default ${DEFAULT-VALUE})")
  int benchmarkPosts;

  @Option(names = "--benchmark-trim", paramLabel = "SHARE", defaultValue = "0.25",
      description = "overperformance: share dropped at each end for the trimmed mean (default ${DEFAULT-VALUE})")
  double benchmarkTrim;

  @Option(names = "--benchmark-statistic", paramLabel = "trimmed_mean|median", defaultValue = "trimmed_mean",
      description = "overperformance: the benchmark's statistic (default ${DEFAULT-VALUE})")
  String benchmarkStatistic;

  @Option(names = "--benchmark-minimum", paramLabel = "N", defaultValue = "10",
      description = "overperformance: fewest earlier posts a benchmark is computed from (default ${DEFAULT-VALUE})")
  int benchmarkMinimum;

  @Option(names = "--watch", paramLabel = "SECONDS", arity = "0..1", fallbackValue = "10",
      description = {"with --submissions: keep running and load the submissions as they arrive (woken when one",
          "is stored, checked at least every SECONDS, default 10), all in this one JVM, so that loads",
          "after the first run compiled code; stop with Ctrl-C. See README, \"Loading as submissions arrive\""})
  Integer watch;

  /** This command's stop by a signal; set while it runs. */
  private LoadStop stop;
  /** {@code --watch}: the loads it published since it started. */
  private int published;

  /** {@code --watch}: a set of submissions whose load failed is tried again after this, doubling up to an hour. */
  private static final long RETRY_MS = 60_000;
  private static final long MAX_RETRY_MS = 3_600_000;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String problem = (landing == null) == !submissions ? "give either LANDING_DIR or --submissions (see load --help)"
        : watch != null && !submissions ? "--watch keeps loading submissions: it goes with --submissions"
        : watch != null && full ? "--watch loads what is pending, never in full: load --full once, then watch"
        : watch != null && watch < 1 ? "--watch waits at least 1 second, not " + watch
        : !List.of("auto", "bars", "lines").contains(progressStyle)
            ? "--progress is auto, bars or lines, not '" + progressStyle + "'" : null;
    LoadConfig config;
    try {
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      config = config();
    } catch (IllegalArgumentException e) {
      err.println("load: " + e.getMessage());
      err.flush();
      return REFUSED;
    }
    // one watcher a lake, marked before Spark starts: a second is refused at once, and the
    // dashboard's "load the pending submissions" finds it (SubmissionWatcher)
    SubmissionWatcher mark;
    try {
      mark = watch == null ? null : SubmissionWatcher.mark(Lake.at(lake.folder()),
          new SubmissionWatcher.Running(ProcessHandle.current().pid(), Instant.now()));
    } catch (SubmissionWatcher.AlreadyWatchedException e) {
      err.println("load --watch: " + e.getMessage() + "; nothing to do (exit " + FAILED + ")");
      err.flush();
      return FAILED;
    }
    Path log = LoadLog.start(Clock.systemUTC(), System.getenv());
    // a load is under way from the start; a watcher's only while it loads
    try (mark; LoadStop stopping = new LoadStop(watch == null, () -> saidStopped(err))) {
      stop = stopping;
      boolean ownSession = SparkSession.getActiveSession().isEmpty()
          && SparkSession.getDefaultSession().isEmpty();
      SparkSession spark = ownSession ? session() : SparkSession.active();
      try {
        return watch != null ? watch(spark, log, out, err) : loadOnce(spark, config, log, out, err);
      } finally {
        err.flush();
        if (ownSession) {
          spark.stop();
        }
      }
    }
  }

  /** {@code --watch}: a stop that no load's line said (between loads, or as one ended). */
  private void saidStopped(PrintWriter err) {
    err.println("load --watch: stopped by a signal; " + published + (published == 1 ? " load" : " loads")
        + " published since it started; " + currentOf(Lake.at(lake.folder()))
            .map(id -> "snapshot " + id + " is current").orElse("no snapshot is current yet")
        + String.format(java.util.Locale.ROOT, " (exit %d)", LoadStop.EXIT));
    err.flush();
  }

  /** This command's load settings, the load date today in Vietnam unless {@code --as-of} gives it. */
  private LoadConfig config() {
    SurveyRules d = SurveyRules.DEFAULT;
    LocalDate date = asOf != null ? asOf : LocalDate.now(Typing.VIETNAM);
    return (submissions ? LoadConfig.submissions(lake.folder(), date) : LoadConfig.of(landing, lake.folder(), date))
        .withSurvey(new SurveyRules(surveyMinRespondents, d.maxRse(), d.confidence(), surveyProtectionLevel))
        .withBenchmark(new Benchmark(benchmarkPosts, benchmarkTrim, Benchmark.Statistic.parse(benchmarkStatistic),
            Math.min(benchmarkMinimum, benchmarkPosts)))
        .withFull(full);
  }

  /**
   * {@code --watch}: loads the pending submissions, then waits for new ones (woken when one is
   * stored, and at least every {@code --watch} seconds) and loads them, in this one JVM and Spark
   * session until stopped, so that every load after the first runs code the JIT has compiled. A
   * load that fails (or is refused whole, or finds the lake busy) is said as {@link #loadOnce} says
   * it, and its submissions stay pending: the same set is tried again only after a minute,
   * doubling up to an hour, or at once when another submission arrives. Out of memory ends the
   * watch with its exit code (the JVM may not be sound); interrupting the thread ends it (exit 0).
   */
  private int watch(SparkSession spark, Path firstLog, PrintWriter out, PrintWriter err) {
    Lake target = Lake.at(lake.folder());
    Submissions store = Submissions.of(target);
    try (WatchService stored = FileSystems.getDefault().newWatchService()) {
      Files.createDirectories(store.dir());
      store.dir().register(stored, StandardWatchEventKinds.ENTRY_CREATE);
      out.println("load --watch: loading the submissions of " + store.dir() + " as they arrive (checked at least every "
          + watch + " s); stop with Ctrl-C");
      out.flush();
      List<String> tried = List.of();
      long retryAt = 0;
      long backoff = RETRY_MS;
      // the first load's log was started before Spark, so that Spark's own lines go to it
      Path log = firstLog;
      while (true) {
        List<String> pending = store.pending().stream().map(Submission::id).toList();
        if (!pending.isEmpty() && (!pending.equals(tried) || System.currentTimeMillis() >= retryAt)) {
          if (log == null) {
            log = LoadLog.start(Clock.systemUTC(), System.getenv());
          }
          stop.loading();
          int exit = loadOnce(spark, config(), log, out, err);
          log = null;
          published += exit == PUBLISHED ? 1 : 0;
          if (stop.loaded()) {
            if (exit != LoadStop.EXIT) { // the load ended before the signal could stop it
              saidStopped(err);
            }
            return LoadStop.EXIT;
          }
          if (exit == LoadFailure.Kind.OUT_OF_MEMORY.exit()) {
            return exit;
          }
          backoff = exit == PUBLISHED ? RETRY_MS : pending.equals(tried) ? Math.min(2 * backoff, MAX_RETRY_MS) : RETRY_MS;
          tried = pending;
          retryAt = System.currentTimeMillis() + backoff;
          if (exit != PUBLISHED) {
            err.println("load --watch: the submissions stay pending; tried again when another arrives, or in "
                + backoff / 60_000 + " min");
            err.flush();
          }
          continue; // what arrived meanwhile is already stored
        }
        WatchKey key = stored.poll(watch, TimeUnit.SECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
      return PUBLISHED;
    } catch (IOException e) {
      err.println("load --watch: cannot watch " + store.dir() + ": " + e.getMessage());
      return FAILED;
    }
  }

  /** One load of a landing folder or of the pending submissions; its exit code. */
  private int loadOnce(SparkSession spark, LoadConfig config, Path log, PrintWriter out, PrintWriter err) {
    Lake target = Lake.at(config.lakeDir());
    String what = submissions ? "load --submissions" : "load " + landing.toAbsolutePath().normalize();
    AtomicReference<String> stage = new AtomicReference<>();
    boolean bars = progressStyle.equals("bars") || progressStyle.equals("auto") && ProgressBars.terminal(System.getenv());
    ProgressBars drawn = bars ? new ProgressBars(spark.sparkContext(), out) : null;
    Progress shown = drawn != null ? drawn : Progress.printing(out);
    Progress progress = new Progress() {
      @Override
      public void phase(String message) {
        stage.set(message);
        shown.phase(message);
      }

      @Override
      public void done(String message) {
        shown.done(message);
      }
    };
    try {
      if (submissions) {
        return loadSubmissions(spark, config, target, what, progress, drawn, out, err);
      }
      LoadReport report = LoadJob.run(spark, config, progress);
      if (drawn != null) {
        drawn.close();
      }
      out.print(LoadSummary.of(report));
      out.flush();
      Audits.command(target, Action.IMPORT, what + " -> snapshot " + report.snapshot(), "ok", report.totalLanded(), err);
      return PUBLISHED;
    } catch (LoadRefusedException e) {
      err.println("load: " + e.getMessage());
      Audits.command(target, Action.IMPORT, what + ": " + e.getMessage(), "refused", null, err);
      return REFUSED;
    } catch (LakeBusyException e) {
      err.println("load: " + e.getMessage());
      return FAILED;
    } catch (Throwable e) { // Spark's checked exceptions arrive undeclared, through Scala
      LoadFailure failure = stop.requested() ? LoadFailure.stopped(stage.get()) : LoadFailure.of(e, stage.get());
      String line = failure.line(currentOf(target), log);
      LoadLog.failure(line, e);
      Audits.command(target, Action.IMPORT, what + ": " + failure.kind().name().toLowerCase(java.util.Locale.ROOT)
          + " while " + stage.get() + ": " + failure.detail(), "failed", null, err);
      err.println(line);
      return failure.kind().exit();
    } finally {
      if (drawn != null) {
        drawn.close();
      }
      err.flush();
    }
  }

  private static Optional<String> currentOf(Lake lake) {
    try {
      return lake.current();
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static int loadSubmissions(SparkSession spark, LoadConfig config, Lake target, String what,
      Progress progress, ProgressBars drawn, PrintWriter out, PrintWriter err) {
    Optional<LoadReport> loaded = LoadJob.runSubmissions(spark, config, progress, (s, why) -> {
      err.println("load: submission " + s.id() + " of " + s.submitter() + " refused: " + why);
      Audits.command(target, Action.SUBMISSION, "load submission " + s.id() + " of " + s.submitter() + ": " + why,
          "refused", null, err);
    });
    if (drawn != null) {
      drawn.close(); // the last bar ends before the summary
    }
    if (loaded.isEmpty()) {
      out.println("load: no pending submission in " + target.submissionsDir() + "; nothing loaded, no new snapshot");
      out.flush();
      return PUBLISHED;
    }
    LoadReport report = loaded.get();
    out.print(LoadSummary.of(report));
    report.submissions().forEach((id, tables) -> {
      LoadReport.RowCounts total = tables.values().stream()
          .reduce(new LoadReport.RowCounts(0, 0, 0), LoadReport.RowCounts::plus);
      out.println("submission " + id + ": loaded into snapshot " + report.snapshot() + ", read " + total.read()
          + ", landed " + total.landed() + ", quarantined " + total.quarantined());
      Audits.command(target, Action.SUBMISSION, "load submission " + id + " -> snapshot " + report.snapshot()
          + " (read " + total.read() + ", quarantined " + total.quarantined() + ")", "ok", total.landed(), err);
    });
    out.flush();
    Audits.command(target, Action.IMPORT, what + " -> snapshot " + report.snapshot(), "ok", report.totalLanded(), err);
    return PUBLISHED;
  }

  /**
   * A new session: {@code --master} when given; else the master spark-submit put in the Spark
   * configuration; else all local cores. (A caller's existing session, e.g. a benchmark's, is used
   * as it is and left running.)
   */
  private SparkSession session() {
    boolean submitted = new SparkConf().contains("spark.master");
    String url = master != null ? master : submitted ? null : "local[*]";
    SparkSession.Builder builder = SparkSession.builder().appName("danvan load")
        .config("spark.sql.session.timeZone", Typing.VIETNAM.getId());
    if (url != null) {
      builder.master(url);
    }
    if (url != null && url.startsWith("local")) {
      SparkSessions.local(builder);
    } else if (!new SparkConf().contains(SparkLauncher.EXECUTOR_DEFAULT_JAVA_OPTIONS)) {
      // a cluster's executors are JVMs of their own: the flag bin/danvan gives the local one
      builder.config(SparkLauncher.EXECUTOR_DEFAULT_JAVA_OPTIONS, SparkSessions.COMPILE_HUGE_METHODS);
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
