package vn.danvan.contract.intake;

import java.util.Objects;

/**
 * One thing wrong in an uploaded file, said the way the person who filled it can find it.
 *
 * @param file the file's name as uploaded
 * @param sheet the sheet's name for a workbook, else null
 * @param row the row as the reporter sees it: the spreadsheet's row number or the CSV / JSON
 *     Lines line number, the header being 1; 0 for a problem of the whole file
 * @param key the row's key as the load's quarantine writes it ({@code row_key}: the key columns as
 *     written, joined by {@code |}); null for a problem of the whole file
 * @param column the contract column the problem is in (null: the whole row or file)
 * @param value the cell's text as written (null: empty)
 * @param code the quarantine reason the load gives (e.g. {@code bad_type}), or {@link
 *     #OUTSIDE_SCOPE} / {@link #REFUSED}, which are the intake's own
 * @param check the failed check's name as the load writes it in {@code failed_checks} (e.g.
 *     {@code bad_type:period_end})
 * @param reason what is wrong and how to put it right, in Vietnamese
 */
public record Problem(String file, String sheet, int row, String key, String column, String value, String code,
    String check, String reason) {
  /** A row for a unit outside the sender's region scope: never accepted into quarantine. */
  public static final String OUTSIDE_SCOPE = "outside_scope";
  /** The whole file is refused (personal data, an unreadable file, a header that does not fit). */
  public static final String REFUSED = "refused";

  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(reason, "reason");
    if (row < 0) {
      throw new IllegalArgumentException("row must be >= 0, not " + row);
    }
  }

  /** Whether the load would quarantine the row (a reporter may accept that), as opposed to refusing. */
  public boolean quarantinable() {
    return !code.equals(OUTSIDE_SCOPE) && !code.equals(REFUSED);
  }
}
