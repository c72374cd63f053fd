package vn.danvan.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import vn.danvan.etl.outreach.Benchmark;
import vn.danvan.etl.survey.SurveyRules;

/**
 * What one load does: which landing folder goes into which lake, and the load date {@code asOf},
 * the latest date a record may carry. The clock only names the snapshot and stamps the report;
 * nothing that lands in the lake depends on it, so loading the same input twice lands the same rows.
 *
 * @param survey the disclosure rules the survey mart is built with (30 respondents by default)
 * @param benchmark how the outreach mart's overperformance scores are computed (docs/outreach.md)
 * @param full rewrite every table and mart in full, as if nothing could be reused from the previous
 *     snapshot ({@code load --full}); otherwise only the partitions the input reaches are written
 *     and the rest are hard links to the previous snapshot's files
 */
public record LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock, SurveyRules survey,
    Benchmark benchmark, boolean full) {

  public LoadConfig {
    Objects.requireNonNull(landingDir, "landingDir");
    Objects.requireNonNull(lakeDir, "lakeDir");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(survey, "survey");
    Objects.requireNonNull(benchmark, "benchmark");
    landingDir = landingDir.toAbsolutePath().normalize();
    lakeDir = lakeDir.toAbsolutePath().normalize();
    boolean submissions = landingDir.equals(vn.danvan.contract.Lake.at(lakeDir).submissionsDir());
    if (!submissions && (lakeDir.startsWith(landingDir) || landingDir.startsWith(lakeDir))) {
      throw new IllegalArgumentException("the lake " + lakeDir + " and the landing folder "
          + landingDir + " must not contain each other");
    }
  }

  public LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock, SurveyRules survey,
      Benchmark benchmark) {
    this(landingDir, lakeDir, asOf, clock, survey, benchmark, false);
  }

  /** With the default survey rules and CrowdTangle's benchmark ({@link Benchmark#CROWDTANGLE}). */
  public LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock) {
    this(landingDir, lakeDir, asOf, clock, SurveyRules.DEFAULT, Benchmark.CROWDTANGLE);
  }

  public static LoadConfig of(Path landingDir, Path lakeDir, LocalDate asOf) {
    return new LoadConfig(landingDir, lakeDir, asOf, Clock.systemUTC());
  }

  /** A load of the lake's pending submissions ({@link LoadJob#runSubmissions}): they are its landing. */
  public static LoadConfig submissions(Path lakeDir, LocalDate asOf) {
    return of(vn.danvan.contract.Lake.at(lakeDir).submissionsDir(), lakeDir, asOf);
  }

  /** This load with another overperformance benchmark. */
  public LoadConfig withBenchmark(Benchmark benchmark) {
    return new LoadConfig(landingDir, lakeDir, asOf, clock, survey, benchmark, full);
  }

  /** This load rewriting everything in full (true) or only what its input reaches (false, the default). */
  public LoadConfig withFull(boolean full) {
    return new LoadConfig(landingDir, lakeDir, asOf, clock, survey, benchmark, full);
  }

  /** This load with other survey disclosure rules. */
  public LoadConfig withSurvey(SurveyRules rules) {
    return new LoadConfig(landingDir, lakeDir, asOf, clock, rules, benchmark, full);
  }

  boolean landingExists() {
    return Files.isDirectory(landingDir);
  }
}
