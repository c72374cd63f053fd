package vn.danvan.contract.intake;

import java.util.Optional;
import vn.danvan.contract.Column;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRules;

/**
 * What a failed check means to the person who filled the file, in Vietnamese: the cell, the
 * reason's own sentence, and what the column takes where the reason alone cannot say it.
 */
public final class Explanations {
  private Explanations() {}

  /**
   * The explanation of a failed check on {@code column} (may be null) with the text {@code value}:
   * where, then the reason's own sentence ({@link Reason#vietnamese()}), then, for a wrong type or
   * vocabulary, what the column takes.
   */
  public static String of(Reason reason, Table table, String column, String value) {
    String where = (column == null ? "" : "Cột «" + column + "»")
        + (value == null || reason == Reason.MALFORMED_ROW ? "" : (column == null ? "Giá trị" : ", giá trị")
            + " «" + value + "»");
    String hint = switch (reason) {
      case BAD_TYPE -> " Cột này " + expected(table, column) + ".";
      case UNKNOWN_VOCABULARY -> " Hãy chọn trong danh sách thả xuống của mẫu" + choices(table, column) + ".";
      case UNKNOWN_INDICATOR -> " Hãy chọn mã trong danh sách thả xuống của mẫu (tên ở trang danh_muc).";
      default -> "";
    };
    return (where.isEmpty() ? "" : where + ": ") + reason.vietnamese() + hint;
  }

  /** The intake's own refusal of a row for a unit outside the sender's scope. */
  public static String outsideScope(String region, String scope) {
    return "Địa bàn «" + region + "» nằm ngoài phạm vi của tài khoản (" + scope + "); chỉ được gửi số"
        + " liệu của các đơn vị thuộc phạm vi này.";
  }

  private static String expected(Table table, String column) {
    Optional<Column> c = column == null ? Optional.empty() : table.column(column);
    if (c.isEmpty()) {
      return "không đọc được giá trị";
    }
    return switch (c.get().type()) {
      case DATE -> "cần một ngày dạng YYYY-MM-DD, ví dụ 2024-06-30 (hoặc ô định dạng ngày trong Excel)";
      case TIMESTAMP -> "cần thời điểm ISO 8601 có múi giờ, ví dụ 2024-06-30T09:30:00+07:00";
      case YEAR -> "cần năm gồm 4 chữ số, ví dụ 2024";
      case COUNT, MONEY -> "cần một số nguyên, không có dấu phân cách hàng nghìn (viết 4494, không viết"
          + " 4.494 hay 4,494)";
      case DECIMAL, FRACTION, WEIGHT -> "cần một số, dùng dấu chấm cho phần thập phân và không có dấu"
          + " phân cách hàng nghìn (viết 4494 hoặc 52.49)";
      case STRING, CODE -> "không đọc được giá trị";
    };
  }

  private static String choices(Table table, String column) {
    return column == null ? "" : RowRules.vocabulary(table, column)
        .map(set -> " (" + String.join(", ", new java.util.TreeSet<>(set)) + ")").orElse("");
  }
}
