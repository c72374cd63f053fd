package vn.danvan.etl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.etl.marts.SurveyAudit;
import vn.danvan.etl.marts.SurveyMart;

/** {@code danvan survey audit}: the disclosure audit of the published survey mart (docs/surveys.md). */
@Command(name = "survey", mixinStandardHelpOptions = true, description = "Opinion surveys.",
    subcommands = SurveyCommand.Audit.class)
public final class SurveyCommand {

  /** Exit codes: 0 every withheld cell keeps its protection range, 1 some does not (or no mart), 2 usage. */
  @Command(name = "audit", mixinStandardHelpOptions = true,
      description = "Attacks the CURRENT snapshot's survey_estimates as an intruder would (linear programming over "
          + "every additive relation) and prints per wave: cells, withheld in the first round (primary, "
          + "secondary) and the second (audit), the narrowest range left and the time taken.")
  public static final class Audit implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin LakeOption lake;

    @Option(names = "--time-mart", description = "also time building the mart without and with the audit: its rows alone, "
        + "as a load builds it (sorted, written, counted), and on one thread (CPU time, the responses in memory)")
    boolean timeMart;

    @Override
    public Integer call() throws java.io.IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path snapshot = Lake.at(lake.folder()).currentSnapshot().orElse(null);
      if (snapshot == null || !snapshot.resolve(SurveyMart.SURVEY_ESTIMATES).toFile().isDirectory()) {
        err.println("survey audit: no published survey_estimates in " + lake.folder());
        err.flush();
        return 1;
      }
      SparkSession spark = SparkSessions.local(SparkSession.builder().master("local[*]")
          .appName("danvan survey audit").config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh")).getOrCreate();
      try {
        var rules = SurveyAudit.rules(spark.read().parquet(snapshot.resolve(SurveyMart.SURVEY_ESTIMATES).toString()));
        out.printf(Locale.ROOT, "snapshot %s: min_respondents %d, protection_level %.2f%n",
            snapshot.getFileName(), rules.minRespondents(), rules.protectionLevel());
        long start = System.nanoTime();
        List<SurveyAudit.WaveAudit> waves = SurveyAudit.run(spark, snapshot);
        out.printf(Locale.ROOT, "%-10s %10s %8s %9s %8s %10s %9s%n", "wave", "fieldwork", "cells", "withheld1",
            "withheld2", "narrowest", "seconds");
        long under = 0;
        long differing = 0;
        for (SurveyAudit.WaveAudit w : waves) {
          out.printf(Locale.ROOT, "%-10s %10s %8d %9d %8d %9s %9.2f%s%n", w.waveId(), w.fieldworkStart(), w.cells(),
              w.firstRound(), w.secondRound(), Double.isNaN(w.narrowest()) ? "-" : String.format(Locale.ROOT,
                  "%.0f%%", 100 * w.narrowest()), w.seconds(),
              (w.differing() > 0 ? "  WITHHELD DIFFERENTLY BY THE MART: " + w.differing() : "")
                  + (w.underProtected() > 0 ? "  UNDER-PROTECTED: " + w.underProtected() : ""));
          under += w.underProtected();
          differing += w.differing();
        }
        out.printf(Locale.ROOT, "%d waves audited in %.1f s (Spark included); %d cells withheld differently from "
            + "the audit run again; %d withheld cells under the protection level%n",
            waves.size(), (System.nanoTime() - start) / 1e9, differing, under);
        if (timeMart) {
          double[] s = SurveyAudit.buildSeconds(spark, snapshot, rules);
          out.printf(Locale.ROOT, "mart rows built in %.1f s without the audit, %.1f s with it (+%.0f %%)%n",
              s[0], s[1], 100 * (s[1] - s[0]) / s[0]);
          out.printf(Locale.ROOT, "mart built as a load does (sorted, written, counted) in %.1f s without the audit, "
              + "%.1f s with it (+%.0f %%)%n", s[2], s[3], 100 * (s[3] - s[2]) / s[2]);
          double[] t = SurveyAudit.oneThreadSeconds(spark, snapshot, rules);
          out.printf(Locale.ROOT, "estimates on one thread (CPU time, responses in memory) in %.2f s without the "
              + "audit, %.2f s with it (+%.0f %%)%n", t[0], t[1], 100 * (t[1] - t[0]) / t[0]);
        }
        return under == 0 ? 0 : 1;
      } finally {
        out.flush();
        err.flush();
        spark.stop();
      }
    }
  }
}
