package vn.danvan.contract;

/**
 * Why a landing row was quarantined: the name of the check it failed. These names are written to
 * the quarantine and the load report, and the demo generator plants rows that fail each of them.
 * A row failing several checks is quarantined under the first in this order. Each reason also has
 * the sentence a person who reports reads (in Vietnamese) when a file is checked before upload.
 */
public enum Reason {
  /** The line could not be split into the table's columns (CSV field count, broken JSON). */
  MALFORMED_ROW("Dòng không tách được thành các cột của bảng (thừa hoặc thiếu cột, dấu ngoặc kép"
      + " không đóng, hoặc JSON hỏng)."),
  /**
   * A spreadsheet cell holds a formula without the result Excel or LibreOffice stores when it
   * saves: there is no value to read (it is never taken for 0).
   */
  FORMULA_WITHOUT_RESULT("Ô chứa công thức nhưng tệp không lưu kết quả tính: hãy mở tệp bằng Excel"
      + " hoặc LibreOffice và lưu lại (hoặc thay công thức bằng giá trị)."),
  /** A required column is empty. */
  MISSING_VALUE("Thiếu giá trị bắt buộc."),
  /**
   * A whole number written with dots between groups of three digits ({@code 4.494},
   * {@code 1.234.567}): in a Vietnamese file the dot separates thousands, so it is refused rather
   * than read as a decimal.
   */
  THOUSANDS_SEPARATOR("Số có dấu chấm phân cách hàng nghìn: trong tệp tiếng Việt, dấu chấm là dấu"
      + " phân cách hàng nghìn (4.494 là bốn nghìn bốn trăm chín mươi tư), nên giá trị này không"
      + " được đọc là số thập phân. Hãy ghi số nguyên không có dấu phân cách (ví dụ 4494)."),
  /** A value does not parse as its column's type (date, timestamp, integer, number, year). */
  BAD_TYPE("Giá trị không đúng kiểu dữ liệu của cột (ngày YYYY-MM-DD, thời điểm ISO 8601, số"
      + " nguyên, số hoặc năm)."),
  /** A value outside a closed vocabulary of the contract. */
  UNKNOWN_VOCABULARY("Giá trị không có trong danh mục cho phép của cột."),
  /** An indicator code that the shipped catalogue does not define. */
  UNKNOWN_INDICATOR("Mã chỉ tiêu không có trong danh mục chỉ tiêu."),
  /**
   * A fraction given for an indicator that counts things or money (the catalogue says which):
   * 20.5 gifts.
   */
  NOT_WHOLE_NUMBER("Chỉ tiêu này đếm số lượng hoặc tiền (VND) nên chỉ nhận số nguyên, không nhận"
      + " số lẻ thập phân."),
  /** A date before 2000-01-01 or after the load date, or an end before its start. */
  DATE_OUT_OF_RANGE("Ngày nằm ngoài khoảng cho phép (trước 01/01/2000, sau ngày nạp, hoặc ngày kết"
      + " thúc trước ngày bắt đầu)."),
  /** A count, amount or value below zero. */
  NEGATIVE_VALUE("Số lượng, số tiền hoặc giá trị không được âm."),
  /** A survey weight that is zero or negative. */
  NON_POSITIVE_WEIGHT("Trọng số phải lớn hơn 0."),
  /** A region code that no known unit ever had. */
  UNKNOWN_REGION("Mã đơn vị hành chính không tồn tại."),
  /** A region code that exists, but not on the record's date (e.g. an old code after 2025-07-01). */
  REGION_NOT_VALID_ON_DATE("Mã đơn vị hành chính không còn (hoặc chưa) hiệu lực vào ngày của bản ghi"
      + " (từ 01/07/2025 dùng mã sau sắp xếp)."),
  /** A reference to a campaign, survey wave or question that is not known. */
  UNKNOWN_REFERENCE("Tham chiếu tới phong trào, đợt khảo sát hoặc câu hỏi chưa có."),
  /** A metric snapshot for a post that is neither in this load nor in the lake. */
  UNKNOWN_POST("Số liệu tương tác của một tin bài chưa có."),
  /** The key was already used by an earlier row of the same load (the first row is kept). */
  DUPLICATE_ID("Mã định danh đã dùng ở một dòng trước (dòng đầu tiên được giữ).");

  private final String vietnamese;

  Reason(String vietnamese) {
    this.vietnamese = vietnamese;
  }

  /** The name as written to the lake: lower snake case, e.g. {@code unknown_region}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** What the reason means, in Vietnamese, for the person who sent the row. */
  public String vietnamese() {
    return vietnamese;
  }
}
