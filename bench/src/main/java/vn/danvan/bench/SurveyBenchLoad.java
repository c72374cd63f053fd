package vn.danvan.bench;

import picocli.CommandLine;
import vn.danvan.etl.cli.LoadCommand;
import vn.danvan.etl.marts.SurveyMart;

/**
 * One load of {@code bench survey}, in its own JVM: {@code LANDING LAKE AUDITED}. With AUDITED
 * false, the survey mart is built without the disclosure audit, only to time what the audit costs.
 */
public final class SurveyBenchLoad {
  private SurveyBenchLoad() {}

  public static void main(String[] args) {
    if (!Boolean.parseBoolean(args[2])) {
      SurveyMart.withoutAuditForBenchmarks();
    }
    System.exit(new CommandLine(new LoadCommand()).execute(args[0], "--lake", args[1], "--progress", "lines"));
  }
}
