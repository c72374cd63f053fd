package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
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
import vn.danvan.etl.lake.LakeBusyException;
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
 * codes: 0 published (quarantined rows included), 2 input refused (nothing written), 1 any other
 * failure (the previous snapshot stays current).
 */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {
        "Loads a landing folder (one sub-folder per table; CSV, JSON Lines, XLSX) into a new",
        "snapshot of the Parquet lake. Bad rows are quarantined with their reason; files with",
        "personal-data columns refuse the whole load (exit 2, nothing written).",
        "With --submissions instead of LANDING_DIR: loads every pending submission of the lake",
        "(LAKE/submissions/) in one load; a submission with a personal-data column or an",
        "unreadable file is refused alone, with its reason. Nothing pending: exit 0, no snapshot."})
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

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*])")
  String master;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", hidden = true,
      description = "the load date: the latest date a record may carry (default: today in Vietnam)")
  LocalDate asOf;

  @Option(names = "--survey-min-respondents", paramLabel = "N", defaultValue = "30",
      description = "survey cells answered by fewer respondents are suppressed (default: ${DEFAULT-VALUE})")
  int surveyMinRespondents;

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
          .withSurvey(new SurveyRules(surveyMinRespondents, d.maxRse(), d.confidence()))
          .withBenchmark(new Benchmark(benchmarkPosts, benchmarkTrim, Benchmark.Statistic.parse(benchmarkStatistic),
              Math.min(benchmarkMinimum, benchmarkPosts)));
    } catch (IllegalArgumentException e) {
      err.println("load: " + e.getMessage());
      err.flush();
      return REFUSED;
    }
    Lake target = Lake.at(config.lakeDir());
    String what = submissions ? "load --submissions" : "load " + landing.toAbsolutePath().normalize();
    boolean ownSession = SparkSession.getActiveSession().isEmpty()
        && SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = ownSession ? session() : SparkSession.active();
    try {
      if (submissions) {
        return loadSubmissions(spark, config, target, what, out, err);
      }
      LoadReport report = LoadJob.run(spark, config, Progress.printing(out));
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
    } catch (RuntimeException e) {
      err.println("load failed; the previous snapshot stays current: " + e);
      e.printStackTrace(err);
      Audits.command(target, Action.IMPORT, what + ": " + e, "failed", null, err);
      return FAILED;
    } finally {
      err.flush();
      if (ownSession) {
        spark.stop();
      }
    }
  }

  private static int loadSubmissions(SparkSession spark, LoadConfig config, Lake target, String what,
      PrintWriter out, PrintWriter err) {
    Optional<LoadReport> loaded = LoadJob.runSubmissions(spark, config, Progress.printing(out), (s, why) -> {
      err.println("load: submission " + s.id() + " of " + s.submitter() + " refused: " + why);
      Audits.command(target, Action.SUBMISSION, "load submission " + s.id() + " of " + s.submitter() + ": " + why,
          "refused", null, err);
    });
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
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
