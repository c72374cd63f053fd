package vn.danvan.contract.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A file's rows as the load reads them: the header as written and, for each data row, the
 * contract column to its text (and {@link vn.danvan.contract.checks.RowCheck#MALFORMED} for a line
 * that could not be split), with the row number the reporter sees.
 *
 * @param sheet the workbook sheet's name; null for CSV and JSON Lines
 */
record Sheet(String sheet, List<String> header, List<Line> lines) {
  /** One data row: its number as the reporter sees it (header = 1) and its cells by header name. */
  record Line(int row, Map<String, String> cells, String malformed) {
    Line {
      Objects.requireNonNull(cells, "cells");
    }
  }

  Sheet {
    header = List.copyOf(header);
    lines = List.copyOf(lines);
  }
}
