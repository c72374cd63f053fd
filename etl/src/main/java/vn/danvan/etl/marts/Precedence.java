package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.danvan.contract.Grain;

/**
 * The period half of "the nearest report wins" (docs/marts.md): for a target period of a grain, a
 * unit's report for that whole period stands for it, and its reports for parts of the period count
 * only where no report of a larger part (still inside the target) exists. Records are additive:
 * they are only added up per month here; {@link Rollup} spreads them onto the grains.
 */
final class Precedence {
  /** The key of a fact as {@link Facts} gives it: in its native grain and period. */
  private static final String[] NATIVE_KEYS = {"indicator", "unit", "code", "era", "native_grain", "native_start"};

  private Precedence() {}

  /**
   * A unit's own report for a node (its code and era) in its native period: {@code grain} a
   * {@link Grain#rank()}, {@code day} the period's first day (epoch day).
   */
  record Report(String indicator, String unit, String code, boolean newEra, int grain, int day) {}

  /** Where an own report counts: a target period ({@code grain}, its first {@code day}) and the value. */
  interface Target {
    void accept(Report report, int grain, int day, double value);
  }

  /**
   * Own reports per target period, from the reports (summed per native period) of one calendar
   * year: a report counts in the period of every grain from its own (a month at the finest) up,
   * except where the same unit reported the enclosing period of a coarser grain for the same node:
   * from the finest such grain up, that report stands instead. Plain Java: {@link Rollup} calls it
   * on each group of facts it holds in memory, which saves the shuffles of a join.
   */
  static void ownReports(Map<Report, Double> summed, Target out) {
    summed.forEach((r, value) -> {
      LocalDate start = LocalDate.ofEpochDay(r.day());
      int enclosedAt = Grain.YEAR.rank() + 1;
      for (int g = r.grain() + 1; g <= Grain.YEAR.rank(); g++) {
        int coarser = (int) Grain.ofRank(g).periodStart(start).toEpochDay();
        if (summed.containsKey(new Report(r.indicator(), r.unit(), r.code(), r.newEra(), g, coarser))) {
          enclosedAt = g;
          break;
        }
      }
      for (int g = Math.max(r.grain(), Grain.MONTH.rank()); g < enclosedAt; g++) {
        out.accept(r, g, (int) Grain.ofRank(g).periodStart(start).toEpochDay(), value);
      }
    });
  }

  /**
   * Records per node and native period ({@code NATIVE_KEYS, value}):
   * added up per month, or per the coarser native period (a model's year). {@link Rollup} spreads
   * them onto the grains.
   */
  static Dataset<Row> records(Dataset<Row> records) {
    Column monthOrCoarser = greatest(col("native_grain"), lit(Grain.MONTH.rank()));
    return records.withColumn("native_grain", monthOrCoarser)
        .withColumn("native_start", GrainColumns.periodStart(col("native_start"), col("native_grain")))
        .groupBy(NATIVE_KEYS[0], rest(NATIVE_KEYS)).agg(sum("value").as("value"));
  }

  static String[] rest(String[] a) {
    return java.util.Arrays.copyOfRange(a, 1, a.length);
  }
}
