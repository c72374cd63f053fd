package vn.danvan.etl.marts;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import vn.danvan.contract.Grain;

/**
 * {@link Grain} as Spark expressions over a column holding a grain's {@link Grain#rank() rank}:
 * the marts carry ranks so that "every coarser grain" is a range of numbers.
 */
final class GrainColumns {
  private GrainColumns() {}

  /** The first day of the period of grain {@code rank} (a column) that holds {@code date}. */
  static Column periodStart(Column date, Column rank) {
    return when(rank.equalTo(Grain.MONTH.rank()), trunc(date, "month"))
        .when(rank.equalTo(Grain.QUARTER.rank()), trunc(date, "quarter"))
        .when(rank.equalTo(Grain.HALF.rank()),
            make_date(year(date), when(month(date).leq(6), 1).otherwise(7), lit(1)))
        .otherwise(trunc(date, "year"));
  }

  /** The grain's code, as the mart writes it. */
  static Column name(Column rank) {
    return when(rank.equalTo(Grain.MONTH.rank()), Grain.MONTH.code())
        .when(rank.equalTo(Grain.QUARTER.rank()), Grain.QUARTER.code())
        .when(rank.equalTo(Grain.HALF.rank()), Grain.HALF.code())
        .otherwise(Grain.YEAR.code());
  }

  /** The labels ({@link #label}) of the periods of every grain that hold a month ({@code year * 100 + month}). */
  static java.util.List<String> labelsHolding(int month) {
    java.time.LocalDate first = java.time.LocalDate.of(month / 100, month % 100, 1);
    return java.util.stream.Stream.of(Grain.MONTH, Grain.QUARTER, Grain.HALF, Grain.YEAR)
        .map(g -> labelOf(first.getYear() * 1000 + g.rank() * 100 + g.periodStart(first).getMonthValue())).toList();
  }

  /**
   * A period as one number: {@code year * 1000 + rank * 100 + first month} (2019-Q3: 2019107), in
   * the order of years; {@link #labelOf} gives its {@link #label}.
   */
  static Column key(Column start, Column rank) {
    return year(start).multiply(1000).plus(rank.multiply(100)).plus(month(start));
  }

  /** The year of a period's {@link #key}. */
  static int yearOf(int key) {
    return key / 1000;
  }

  /** The {@link #label} of a period's {@link #key}. */
  static String labelOf(int key) {
    int y = key / 1000;
    int m = key % 100;
    Grain grain = Grain.ofRank(key / 100 % 10);
    return switch (grain) {
      case MONTH -> String.format(java.util.Locale.ROOT, "%d-%02d", y, m);
      case QUARTER -> y + "-Q" + ((m - 1) / 3 + 1);
      case HALF -> y + (m <= 6 ? "-H1" : "-H2");
      case YEAR -> String.valueOf(y);
    };
  }

  /** Period labels: {@code 2019}, {@code 2019-H1}, {@code 2019-Q3}, {@code 2019-07}. */
  static Column label(Column start, Column rank) {
    Column y = year(start).cast("string");
    return when(rank.equalTo(Grain.MONTH.rank()), date_format(start, "yyyy-MM"))
        .when(rank.equalTo(Grain.QUARTER.rank()), concat(y, lit("-Q"), quarter(start).cast("string")))
        .when(rank.equalTo(Grain.HALF.rank()),
            concat(y, when(month(start).leq(6), lit("-H1")).otherwise(lit("-H2"))))
        .otherwise(y);
  }
}
