package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Callable;
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
 * executor lost, 1 anything else (also: another load holds the lake).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Loads a landing folder (one sub-folder per table; CSV, JSON Lines, XLSX) into a new",
        "snapshot of the Parquet lake. Bad rows are quarantined with their reason; files with",
        "personal-data columns refuse the whole load (exit 2, nothing written).",
        "With --submissions instead of LANDING_DIR: loads every pending submission of the lake",
        "(LAKE/submissions/) in one load; a submission with a personal-data column or an",
        "unreadable file is refused alone, with its reason. Nothing pending: exit 0, no snapshot.",
        "A failed load publishes nothing and says so in one line, its traces in a log file:",
        "exit 4 no space left, 5 out of memory, 6 a Spark executor lost, 1 any other failure."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:published (or nothing pending)", "1:failed", "2:input refused, nothing written",
        "4:no space left on the device", "5:out of memory", "6:a Spark executor was lost"})
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

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LoadConfig config;
    if ((landing == null) == !submissions) {
      err.println("load: give either LANDING_DIR or --submissions (see load --help)");
      err.flush();
      return REFUSED;
    }
    try {
      SurveyRules d = SurveyRules.DEFAULT;
      LocalDate date = asOf != null ? asOf : LocalDate.now(Typing.VIETNAM);
      config = (submissions ? LoadConfig.submissions(lake.folder(), date) : LoadConfig.of(landing, lake.folder(), date))
          .withSurvey(new SurveyRules(surveyMinRespondents, d.maxRse(), d.confidence(), surveyProtectionLevel))
          .withBenchmark(new Benchmark(benchmarkPosts, benchmarkTrim, Benchmark.Statistic.parse(benchmarkStatistic),
              Math.min(benchmarkMinimum, benchmarkPosts)))
          .withFull(full);
    } catch (IllegalArgumentException e) {
      err.println("load: " + e.getMessage());
      err.flush();
      return REFUSED;
    }
    Lake target = Lake.at(config.lakeDir());
    String what = submissions ? "load --submissions" : "load " + landing.toAbsolutePath().normalize();
    Path log = LoadLog.start(Clock.systemUTC(), System.getenv());
    AtomicReference<String> stage = new AtomicReference<>();
    if (!List.of("auto", "bars", "lines").contains(progressStyle)) {
      err.println("load: --progress is auto, bars or lines, not '" + progressStyle + "'");
      err.flush();
      return REFUSED;
    }
    boolean bars = progressStyle.equals("bars") || progressStyle.equals("auto") && ProgressBars.terminal(System.getenv());
    boolean ownSession = SparkSession.getActiveSession().isEmpty()
        && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = ownSession ? session() : SparkSession.active();
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
      LoadFailure failure = LoadFailure.of(e, stage.get());
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
      if (ownSession) {
        spark.stop();
      }
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
