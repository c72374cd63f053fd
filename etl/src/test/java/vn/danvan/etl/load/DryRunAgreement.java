package vn.danvan.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RegionValidity;
import vn.danvan.contract.intake.DryRun;
import vn.danvan.contract.intake.Problem;

/**
 * An upload's dry run set beside the load that already ran over the same landing folder: the
 * intake tables' files are checked by {@link DryRun} against the snapshot the load published (its
 * region versions and campaigns, as the dashboard serves them), in the load's file order, and
 * both sides are given as {@code table row_key reason [failed checks]} lines to compare.
 */
public final class DryRunAgreement {
  private DryRunAgreement() {}

  /** The dry run's verdict: one line per flagged row (its first problem is the reason). */
  public static List<String> dryRun(SparkSession spark, Path landing, Path snapshot, LocalDate asOf) {
    List<RegionValidity.Span> spans = spark.read().parquet(snapshot.resolve("mart_regions").toString())
        .where("boundaries = 'reported' and level <> 'nation'")
        .select("region_code", "valid_from", "valid_to").collectAsList().stream()
        .map(r -> new RegionValidity.Span(r.getString(0), date(r, 1), date(r, 2))).toList();
    List<String> campaigns = spark.read().parquet(Lake.table(snapshot, Table.CAMPAIGNS).toString())
        .select("campaign_code").collectAsList().stream().map(r -> r.getString(0)).toList();
    DryRun.Served served = new DryRun.Served(RegionValidity.of(spans), java.util.Set.copyOf(campaigns),
        Catalogue.indicators(), asOf, "VN", code -> true);
    Landing scanned = Landing.scan(landing);
    List<DryRun.Input> inputs = new ArrayList<>();
    for (Table t : DryRun.TABLES) {
      scanned.files(t).forEach(f -> inputs.add(new DryRun.Input(f.path(), f.relative(), t)));
    }
    DryRun.Result result = DryRun.check(inputs, served);
    List<String> lines = new ArrayList<>();
    for (DryRun.FileResult file : result.files()) {
      if (file.refused()) {
        throw new AssertionError("the dry run refused " + file.file() + ": " + file.refusal().reason());
      }
      Problem first = null;
      List<String> checks = new ArrayList<>();
      for (Problem p : file.problems()) {
        if (first != null && p.row() != first.row()) {
          lines.add(line(file.table(), first, checks));
          checks.clear();
          first = null;
        }
        first = first == null ? p : first;
        checks.add(p.check());
      }
      if (first != null) {
        lines.add(line(file.table(), first, checks));
      }
    }
    return lines;
  }

  /** The load's quarantine of the intake tables, one line per row as {@link #dryRun} gives them. */
  public static List<String> quarantine(SparkSession spark, Path snapshot) {
    List<String> lines = new ArrayList<>();
    for (Table t : DryRun.TABLES) {
      Path dir = Lake.quarantine(snapshot, t);
      if (Files.isDirectory(dir)) {
        for (Row r : spark.read().parquet(dir.toString()).collectAsList()) {
          String reason = r.getAs("reason");
          List<String> failed = r.getList(r.fieldIndex("failed_checks"));
          lines.add(t.folder() + " " + r.getAs("row_key") + " " + reason
              + (reason.equals("malformed_row") ? "" : " " + failed));
        }
      }
    }
    return lines;
  }

  /** A flagged row: its key, its reason (its first problem's) and, unless malformed, every check. */
  private static String line(Table table, Problem first, List<String> checks) {
    return table.folder() + " " + first.key() + " " + first.code()
        + (first.code().equals("malformed_row") ? "" : " " + checks);
  }

  private static LocalDate date(Row r, int i) {
    return r.isNullAt(i) ? null : ((java.sql.Date) r.get(i)).toLocalDate();
  }
}
