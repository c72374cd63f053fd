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

import java.time.LocalDate;
import org.apache.spark.sql.Column;

/**
 * The calendar grains of the marts, nested: month ⊂ quarter ⊂ half ⊂ year. They are numbered so
 * that a coarser grain has a larger number; a record's day is finer than all of them.
 */
enum Grain {
  MONTH(0, "month"), QUARTER(1, "quarter"), HALF(2, "half"), YEAR(3, "year");

  /** The native grain of a dated record (an activity's day, a post's day): finer than a month. */
  static final int DAY = -1;

  final int rank;
  final String label;

  Grain(int rank, String label) {
    this.rank = rank;
    this.label = label;
  }

  /** The first day of the period of grain {@code rank} (a column) that holds {@code date}. */
  static Column periodStart(Column date, Column rank) {
    return when(rank.equalTo(0), trunc(date, "month"))
        .when(rank.equalTo(1), trunc(date, "quarter"))
        .when(rank.equalTo(2), make_date(year(date), when(month(date).leq(6), 1).otherwise(7), lit(1)))
        .otherwise(trunc(date, "year"));
  }

  /** The same, for a date in Java: as {@link #periodStart(Column, Column)}. */
  static LocalDate periodStart(LocalDate date, int rank) {
    return switch (rank) {
      case 0 -> date.withDayOfMonth(1);
      case 1 -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case 2 -> LocalDate.of(date.getYear(), date.getMonthValue() <= 6 ? 1 : 7, 1);
      default -> LocalDate.of(date.getYear(), 1, 1);
    };
  }

  /** The grain's name, as the mart writes it. */
  static Column name(Column rank) {
    return when(rank.equalTo(0), "month").when(rank.equalTo(1), "quarter")
        .when(rank.equalTo(2), "half").otherwise("year");
  }

  /** Period labels: {@code 2019}, {@code 2019-H1}, {@code 2019-Q3}, {@code 2019-07}. */
  static Column label(Column start, Column rank) {
    Column y = year(start).cast("string");
    return when(rank.equalTo(0), date_format(start, "yyyy-MM"))
        .when(rank.equalTo(1), concat(y, lit("-Q"), quarter(start).cast("string")))
        .when(rank.equalTo(2), concat(y, when(month(start).leq(6), lit("-H1")).otherwise(lit("-H2"))))
        .otherwise(y);
  }
}
