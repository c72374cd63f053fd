package vn.danvan.etl.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.danvan.etl.contract.Column;
import vn.danvan.etl.contract.Table;

/**
 * The typed columns of each lake table (README.md, "The lake"): the contract columns
 * with lake types, then the derived ones ({@code published_date}, {@code observed_date},
 * {@code decreasing}) and, for fact tables, the partition column {@code year}. The warehouse reads
 * exactly this layout, and the loader reads the previous snapshot back with it (never inferred).
 */
public final class LakeSchema {
  private LakeSchema() {}

  public static final String YEAR = "year";
  public static final String PUBLISHED_DATE = "published_date";
  public static final String OBSERVED_DATE = "observed_date";
  public static final String DECREASING = "decreasing";

  /** The lake type of a contract column type. */
  public static DataType type(Column.Type type) {
    return switch (type) {
      case STRING, CODE -> DataTypes.StringType;
      case DATE -> DataTypes.DateType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case YEAR -> DataTypes.IntegerType;
      case COUNT, MONEY -> DataTypes.LongType;
      case DECIMAL, FRACTION, WEIGHT -> DataTypes.DoubleType;
    };
  }

  /**
   * The contract column whose (local) date gives a fact table's partition year; empty for the
   * tables that are not partitioned.
   */
  public static Optional<String> yearSource(Table table) {
    return Optional.ofNullable(switch (table) {
      case REPORT_VALUES -> "period_end";
      case ACTIVITIES -> "start_date";
      case MODELS, CAMPAIGN_TARGETS -> "year";
      case POSTS -> PUBLISHED_DATE;
      case POST_METRICS -> OBSERVED_DATE;
      default -> null;
    });
  }

  public static boolean partitioned(Table table) {
    return yearSource(table).isPresent();
  }

  /** Columns derived from the contract columns, in lake order, after the contract columns. */
  static List<StructField> derived(Table table) {
    return switch (table) {
      case POSTS -> List.of(field(PUBLISHED_DATE, DataTypes.DateType));
      case POST_METRICS -> List.of(field(OBSERVED_DATE, DataTypes.DateType),
          field(DECREASING, DataTypes.BooleanType));
      default -> List.of();
    };
  }

  /** The full lake schema of a table, partition column last. */
  public static StructType of(Table table) {
    List<StructField> fields = new ArrayList<>();
    for (Column c : table.columns()) {
      fields.add(field(c.name(), type(c.type())));
    }
    fields.addAll(derived(table));
    if (partitioned(table) && table.column(YEAR).isEmpty()) {
      fields.add(field(YEAR, DataTypes.IntegerType));
    }
    return DataTypes.createStructType(fields);
  }

  /** Column names of {@link #of(Table)}, in order. */
  public static List<String> names(Table table) {
    return List.of(of(table).fieldNames());
  }

  private static StructField field(String name, DataType type) {
    return DataTypes.createStructField(name, type, true);
  }
}
