package vn.danvan.contract.intake;

import java.util.Optional;
import vn.danvan.contract.Column;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.checks.RowRules;

/**
 * What each check means to the person who filled the file, in Vietnamese, with what to do about
 * it. One text per quarantine reason (the switch has no default: a new reason must be explained
 * here before the project compiles), made precise by the column's type where that helps.
 */
public final class Explanations {
  private Explanations() {}

  /** The explanation of a failed check on {@code column} (may be null) with the text {@code value}. */
  public static String of(Reason reason, Table table, String column, String value) {
    String v = value == null ? "" : "«" + value + "»";
    String c = column == null ? "" : "«" + column + "»";
    return switch (reason) {
      case MALFORMED_ROW -> "Dòng không tách được thành các cột của bảng (thừa ô so với dòng tiêu đề,"
          + " dấu ngoặc kép không đóng hoặc dòng JSON hỏng); sửa lại dòng cho đúng số cột.";
      case MISSING_VALUE -> "Cột " + c + " bắt buộc phải có giá trị nhưng ô đang để trống.";
      case BAD_TYPE -> "Giá trị " + v + " ở cột " + c + " không đúng kiểu: " + expected(table, column) + ".";
      case UNKNOWN_VOCABULARY -> "Giá trị " + v + " không thuộc danh mục của cột " + c
          + "; hãy chọn một giá trị trong danh sách thả xuống của mẫu" + choices(table, column) + ".";
      case UNKNOWN_INDICATOR -> "Mã chỉ tiêu " + v + " không có trong danh mục chỉ tiêu; hãy chọn mã"
          + " trong danh sách thả xuống của mẫu.";
      case DATE_OUT_OF_RANGE -> "Ngày hoặc năm " + v + " ở cột " + c + " nằm ngoài khoảng cho phép: từ "
          + RowRules.EARLIEST + " đến ngày nạp, và ngày kết thúc không được trước ngày bắt đầu.";
      case NEGATIVE_VALUE -> "Giá trị " + v + " ở cột " + c + " là số âm; số lượng và số tiền không được"
          + " nhỏ hơn 0.";
      case NON_POSITIVE_WEIGHT -> "Trọng số " + v + " phải lớn hơn 0.";
      case UNKNOWN_REGION -> "Mã địa bàn " + v + " không có trong danh mục đơn vị hành chính; dùng mã"
          + " GSO (tỉnh 2 chữ số, huyện 3, xã 5, giữ các số 0 ở đầu).";
      case REGION_NOT_VALID_ON_DATE -> "Mã địa bàn " + v + " có trong danh mục nhưng không còn (hoặc chưa)"
          + " hiệu lực vào ngày của bản ghi; từ 2025-07-01 dùng mã của 34 tỉnh và 3.321 xã mới.";
      case UNKNOWN_REFERENCE -> "Mã " + v + " ở cột " + c + " chưa có trong kho (chiến dịch, đợt khảo sát"
          + " hoặc câu hỏi chưa được nạp).";
      case UNKNOWN_POST -> "Bài đăng " + v + " không có trong tệp này cũng như trong kho.";
      case DUPLICATE_ID -> "Mã " + v + " đã dùng ở một dòng hợp lệ phía trên; dòng đầu tiên được giữ,"
          + " dòng này bị bỏ.";
    };
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
