package vn.danvan.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import vn.danvan.etl.survey.SurveyRules;

/**
 * What one load does: which landing folder goes into which lake, and the load date {@code asOf},
 * the latest date a record may carry. The clock only names the snapshot and stamps the report;
 * nothing that lands in the lake depends on it, so loading the same input twice lands the same rows.
 *
 * @param survey the disclosure rules the survey mart is built with (30 respondents by default)
 */
public record LoadConfig(Path landingDir, Path lakeDir, LocalDate asOf, Clock clock, SurveyRules survey) {

  public LoadConfig {
    Objects.requireNonNull(landingDir, "landingDir");
    Objects.requireNonNull(lakeDir, "lakeDir");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(survey, "survey");
    landingDir = landingDir.toAbsolutePath().normalize();
    lakeDir = lakeDir.toAbsolutePath().normalize();
    if (lakeDir.startsWith(landingDir) || landingDir.startsWith(lakeDir)) {
      throw new IllegalArgumentException("the lake " + lakeDir + " and the landing folder "
          + landingDir + " must not contain each other");
    }
  }

  public static LoadConfig of(Path landingDir, Path lakeDir, LocalDate asOf) {
    return new LoadConfig(landingDir, lakeDir, asOf, Clock.systemUTC(), SurveyRules.DEFAULT);
  }

  /** This load with other survey disclosure rules. */
  public LoadConfig withSurvey(SurveyRules rules) {
    return new LoadConfig(landingDir, lakeDir, asOf, clock, rules);
  }

  boolean landingExists() {
    return Files.isDirectory(landingDir);
  }
}
