package vn.danvan.etl.generate;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** One landing file being written, row by row, in the table's contract column order. */
interface RowSink extends Closeable {

  /**
   * Writes one row; {@code extraField} appends one field more than the header has (a planted
   * malformed row whose key fields stay readable). Empty strings and nulls are empty cells.
   */
  void write(String[] row, boolean extraField) throws IOException;

  /** Whether a row with an extra field can be written (CSV and XLSX; not JSON Lines). */
  boolean canCarryExtraField();

  /** Whether a cell can hold a formula without its result (a workbook's can). */
  default boolean canCarryFormula() {
    return false;
  }

  Path path();
}
