package vn.danvan.warehouse.intake;

import java.util.Map;
import vn.danvan.contract.Table;

/**
 * What each column of the hand-filled tables means, in Vietnamese, with an example value: the
 * template's second sheet. A column shared by several tables is explained once.
 */
final class ColumnGuide {
  private ColumnGuide() {}

  /** One column's explanation and an example value as it would be typed. */
  record Entry(String meaning, String example) {}

  private static final Map<String, Entry> SHARED = Map.ofEntries(
      Map.entry("region_code", new Entry("Mã địa bàn theo GSO (tỉnh 2 chữ số, huyện 3, xã 5, giữ số 0 ở đầu), là mã"
          + " của đơn vị hành chính tại thời điểm của số liệu: từ 2025-07-01 dùng mã 34 tỉnh và 3.321 xã mới."
          + " Chọn trong danh sách thả xuống (tên ở trang danh_muc).", "01")),
      Map.entry("unit", new Entry("Đơn vị thực hiện / báo cáo, chọn trong danh sách thả xuống.", "mobilization_board")),
      Map.entry("indicator", new Entry("Mã chỉ tiêu trong danh mục chỉ tiêu, chọn trong danh sách thả xuống"
          + " (tên tiếng Việt ở trang danh_muc).", "briefing_conferences")),
      Map.entry("year", new Entry("Năm, 4 chữ số.", "2024")),
      Map.entry("campaign_code", new Entry("Mã chiến dịch / phong trào đã có trong kho.", "DVK")));

  private static final Map<String, Entry> OWN = Map.ofEntries(
      Map.entry("report_values.report_id", new Entry("Mã dòng số liệu, không trùng trong bảng; gửi lại cùng"
          + " mã sẽ thay dòng cũ.", "BC-01-2024H1-001")),
      Map.entry("report_values.period_start", new Entry("Ngày đầu kỳ báo cáo (ô ngày, hoặc YYYY-MM-DD).", "2024-01-01")),
      Map.entry("report_values.period_end", new Entry("Ngày cuối kỳ báo cáo, không trước ngày đầu kỳ.", "2024-06-30")),
      Map.entry("report_values.disaggregation", new Entry("Phân tổ (không bắt buộc), dạng khoá=giá trị;"
          + "khoá=giá trị.", "scope=collective")),
      Map.entry("report_values.value", new Entry("Giá trị của chỉ tiêu; số đếm và tiền là số nguyên, không"
          + " dùng dấu phân cách hàng nghìn (4494, không viết 4.494).", "163")),
      Map.entry("report_values.source_document", new Entry("Số, ngày của văn bản báo cáo (không bắt buộc).",
          "BC 12/2024")),
      Map.entry("activities.activity_id", new Entry("Mã hoạt động, không trùng trong bảng.", "HD-01-2024-0001")),
      Map.entry("activities.start_date", new Entry("Ngày bắt đầu hoạt động.", "2024-03-05")),
      Map.entry("activities.end_date", new Entry("Ngày kết thúc (không bắt buộc), không trước ngày bắt đầu.",
          "2024-03-06")),
      Map.entry("activities.activity_type", new Entry("Loại hoạt động, chọn trong danh sách thả xuống.",
          "briefing_conference")),
      Map.entry("activities.sessions", new Entry("Số buổi, số nguyên (không bắt buộc).", "2")),
      Map.entry("activities.participants", new Entry("Số lượt người tham dự, số nguyên (không bắt buộc).", "120")),
      Map.entry("activities.quantity", new Entry("Số lượng (nhà, suất quà...), số nguyên (không bắt buộc).", "10")),
      Map.entry("activities.man_days", new Entry("Số ngày công, số nguyên (không bắt buộc).", "45")),
      Map.entry("activities.value_vnd", new Entry("Giá trị bằng đồng, số nguyên (không bắt buộc).", "150000000")),
      Map.entry("activities.note", new Entry("Ghi chú; không ghi họ tên, số điện thoại hay địa chỉ của người dân.",
          "Sửa nhà sau bão")),
      Map.entry("models.model_id", new Entry("Mã mô hình \"Dân vận khéo\", không trùng trong bảng.", "MH-01-2024-001")),
      Map.entry("models.field", new Entry("Lĩnh vực, chọn trong danh sách thả xuống.", "economic")),
      Map.entry("models.scope", new Entry("Tập thể hay cá nhân, chọn trong danh sách thả xuống.", "collective")),
      Map.entry("models.status", new Entry("Trạng thái: đăng ký, được công nhận, được khen thưởng.", "recognized")),
      Map.entry("models.mobilized_vnd", new Entry("Số tiền huy động được, bằng đồng, số nguyên (không bắt buộc).",
          "4300000000")),
      Map.entry("models.name", new Entry("Tên mô hình (tên của mô hình, không phải tên người).",
          "Mô hình dân vận khéo xây dựng nông thôn mới")),
      Map.entry("campaign_targets.target_value", new Entry("Chỉ tiêu đặt ra cho địa bàn trong năm.", "100")));

  /** The entry of {@code column} in {@code table}. */
  static Entry of(Table table, String column) {
    Entry own = OWN.get(table.folder() + "." + column);
    Entry shared = SHARED.get(column);
    if (own == null && shared == null) {
      throw new IllegalStateException("no explanation of " + table.folder() + "." + column
          + " for the template: add one to ColumnGuide");
    }
    return own != null ? own : shared;
  }
}
