package vn.danvan.etl.lake;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.danvan.contract.Column;
import vn.danvan.contract.LakeColumns;
import vn.danvan.contract.Table;

/**
 * The typed columns of each lake table (README.md, "The lake"): the contract columns
 * with lake types, then the derived ones ({@code published_date}, {@code observed_date},
 * {@code decreasing}) and, for fact tables, the partition column {@code year}. The warehouse reads
 * exactly this layout, and the loader reads the previous snapshot back with it (never inferred).
 */
public final class LakeSchema {
  private LakeSchema() {}

  public static final String YEAR = LakeColumns.YEAR;
  public static final String PUBLISHED_DATE = LakeColumns.PUBLISHED_DATE;
  public static final String OBSERVED_DATE = LakeColumns.OBSERVED_DATE;
  public static final String DECREASING = LakeColumns.DECREASING;

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
    if (table.partitioned() && table.column(YEAR).isEmpty()) {
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
