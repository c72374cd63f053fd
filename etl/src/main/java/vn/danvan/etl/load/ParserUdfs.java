package vn.danvan.etl.load;

import static org.apache.spark.sql.functions.udf;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import vn.danvan.contract.checks.Parsers;

/**
 * The contract's {@link Parsers} as Spark functions: the load parses landing text with the very
 * methods an upload check applies to a single row. A few methods compiled once serve every table
 * (see {@link Parsers} for why they are not Spark expressions).
 */
final class ParserUdfs {
  private ParserUdfs() {}

  static final UserDefinedFunction DATE =
      udf((UDF1<String, LocalDate>) Parsers::date, DataTypes.DateType).withName("parse_date");
  static final UserDefinedFunction TIMESTAMP =
      udf((UDF1<String, Instant>) Parsers::timestamp, DataTypes.TimestampType)
          .withName("parse_timestamp");
  static final UserDefinedFunction YEAR =
      udf((UDF1<String, Integer>) Parsers::year, DataTypes.IntegerType).withName("parse_year");
  static final UserDefinedFunction WHOLE =
      udf((UDF1<String, Long>) Parsers::whole, DataTypes.LongType).withName("parse_whole");
  static final UserDefinedFunction NUMBER =
      udf((UDF1<String, Double>) Parsers::number, DataTypes.DoubleType).withName("parse_number");
}
