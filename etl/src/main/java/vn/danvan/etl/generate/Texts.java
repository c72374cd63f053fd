package vn.danvan.etl.generate;

import java.util.SplittableRandom;

/**
 * The free text of the demo data, in Vietnamese as real reports write it: notes about the work,
 * names of models and campaigns, post topics, report references. None of it names a person; places
 * are the units' own names. Some texts hold commas, straight quotes or line breaks, so that the
 * CSV writer's quoting is exercised the way hand-typed notes exercise it.
 */
final class Texts {
  private Texts() {}

  static final String[] PLACES = {"thôn 1", "thôn 3", "thôn 5", "bản Nà Khoang", "tổ dân phố 2",
      "ấp Tân Hòa", "buôn Ea Sup", "khu phố 4", "xóm Đồng", "làng Chăm", "tổ 7", "ấp 3"};

  private static final String[][] NOTES = {
      /* briefing_conference */ {"Quán triệt nghị quyết của Đảng ủy cho cán bộ, đảng viên",
          "Hội nghị tuyên truyền Luật Nghĩa vụ quân sự", "Quán triệt Chỉ thị về công tác dân vận"},
      /* training_course */ {"Tập huấn nghiệp vụ dân vận cho cán bộ cơ sở",
          "Bồi dưỡng kỹ năng dân vận khéo cho chi hội trưởng", "Tập huấn chuyển đổi số cho tổ công nghệ số cộng đồng"},
      /* legal_awareness_session */ {"Tuyên truyền pháp luật về an toàn giao thông",
          "Tuyên truyền Luật Đất đai, Luật Cư trú", "Phổ biến pháp luật về phòng, chống ma túy"},
      /* tech_transfer */ {"Chuyển giao kỹ thuật trồng cà phê xen canh", "Hướng dẫn kỹ thuật nuôi bò vỗ béo",
          "Chuyển giao kỹ thuật trồng dâu nuôi tằm"},
      /* house_support */ {"Xây nhà tình nghĩa cho gia đình chính sách", "Sửa chữa nhà bị hư hỏng sau bão",
          "Xây nhà \"Đại đoàn kết\" cho hộ nghèo"},
      /* gift_visit */ {"Thăm, tặng quà hộ nghèo dịp Tết", "Tặng quà thanh niên lên đường nhập ngũ",
          "Thăm hỏi gia đình chính sách, người có công"},
      /* disaster_relief */ {"Giúp dân khắc phục hậu quả bão, lũ", "Di dời dân khỏi vùng sạt lở",
          "Dọn bùn, vệ sinh trường học sau lũ"},
      /* dialogue */ {"Đối thoại với nhân dân về giải phóng mặt bằng", "Tiếp xúc cử tri trước kỳ họp",
          "Đối thoại giữa người đứng đầu cấp ủy với nhân dân"},
      /* recruitment_outreach */ {"Tuyên truyền, vận động thanh niên nhập ngũ", "Gặp mặt thanh niên trúng tuyển",
          "Vận động thanh niên khám sức khỏe nghĩa vụ quân sự"},
      /* mobilization_drive */ {"Đợt dân vận tập trung giúp dân làm đường giao thông nông thôn",
          "Ra quân giúp dân thu hoạch mùa vụ", "Đợt cao điểm dân vận xây dựng nông thôn mới"},
      /* loudspeaker_broadcast */ {"Phát thanh tuyên truyền trên loa truyền thanh cơ sở",
          "Tuyên truyền phòng, chống dịch trên loa lưu động", "Phát thanh bằng tiếng dân tộc"},
      /* banner */ {"Treo băng rôn, khẩu hiệu tuyên truyền", "Kẻ vẽ pa nô, khẩu hiệu",
          "Treo băng rôn chào mừng ngày hội Đại đoàn kết"},
      /* prestige_person_visit */ {"Thăm, tặng quà già làng, người có uy tín",
          "Gặp mặt người có uy tín trong đồng bào dân tộc thiểu số", "Thăm trưởng bản, già làng dịp lễ"},
      /* religious_dignitary_visit */ {"Thăm, chúc mừng chức sắc tôn giáo dịp lễ",
          "Gặp mặt chức sắc, chức việc các tôn giáo", "Thăm cơ sở thờ tự dịp lễ Phục sinh"},
      /* other */ {"Hoạt động khác của công tác dân vận", "Hỗ trợ trường học vùng khó khăn",
          "Trồng cây xanh, vệ sinh môi trường"}};

  /** A note for an activity of the given type (index in {@code ActivityKinds} order). */
  static String note(SplittableRandom rnd, int type, boolean multiLine) {
    String base = Rng.any(rnd, NOTES[type]);
    int r = rnd.nextInt(10);
    if (multiLine) {
      return base + "\nĐợt 1: " + Rng.any(rnd, PLACES) + "\nĐợt 2: " + Rng.any(rnd, PLACES);
    }
    if (r < 4) {
      return base + ", " + Rng.any(rnd, PLACES);
    }
    if (r < 5) {
      return base + " (mô hình \"Dân vận khéo\")";
    }
    return r < 8 ? base : "";
  }

  private static final String[] MODEL_THEMES = {"Dân vận khéo trong xây dựng nông thôn mới",
      "Tổ tự quản an ninh trật tự", "Con đường bích họa", "Thắp sáng đường quê", "Hũ gạo tình thương",
      "Nhà văn hóa kiểu mẫu", "Chi hội phụ nữ không sinh con thứ ba", "Vườn mẫu, khu dân cư kiểu mẫu",
      "Dòng họ, gia đình không có người vi phạm pháp luật", "Tổ công nghệ số cộng đồng",
      "Hiến đất làm đường", "Nhà nhân ái", "Nuôi heo đất giúp học sinh nghèo", "Tiếp sức mùa thi",
      "Dân vận khéo trong cải cách hành chính", "Bữa cơm có thịt cho trẻ em vùng cao",
      "Điểm sáng dân vận khéo trong phòng, chống ma túy", "Camera an ninh khu dân cư"};

  /** The name of a "Dân vận khéo" model: its theme and where it runs. */
  static String modelName(SplittableRandom rnd, String place) {
    return "Mô hình \u201c" + Rng.any(rnd, MODEL_THEMES) + "\u201d " + place;
  }

  /** Movements and their campaign names; {0} is the year, {1} the province. */
  static final String[][] MOVEMENTS = {
      {"Dân vận khéo", "Phong trào thi đua \u201cDân vận khéo\u201d năm %d, %s"},
      {"Toàn dân bảo vệ an ninh Tổ quốc", "Ngày hội toàn dân bảo vệ an ninh Tổ quốc %d - %s"},
      {"Chung sức xây dựng nông thôn mới", "Chung sức xây dựng nông thôn mới năm %d, %s"},
      {"Vì người nghèo", "Tháng cao điểm \u201cVì người nghèo\u201d %d - %s"},
      {"Đền ơn đáp nghĩa", "Đợt cao điểm đền ơn đáp nghĩa năm %d - %s"},
      {"Tuyển quân", "Tuyên truyền tuyển quân năm %d, %s"}};

  static final String[] TOPICS = {"Nghĩa vụ quân sự", "Phòng, chống tin giả", "Tuyên truyền pháp luật",
      "Xây dựng nông thôn mới", "Phòng, chống thiên tai", "Dân vận khéo", "An ninh trật tự",
      "Chuyển đổi số", "Bảo vệ nền tảng tư tưởng của Đảng", "Gương người tốt, việc tốt",
      "Chính sách an sinh xã hội", "Chủ quyền biển, đảo"};

  /** A report reference as a person types it into the source column. */
  static String sourceDocument(SplittableRandom rnd, String unitShort, int year, String period) {
    int n = Rng.between(rnd, 12, 480);
    return switch (rnd.nextInt(4)) {
      case 0 -> "Báo cáo số " + n + "-BC/" + unitShort + " năm " + year;
      case 1 -> "Báo cáo " + period + " năm " + year + ", " + unitShort;
      case 2 -> "BC " + n + "/" + unitShort + " (" + period + " " + year + ")";
      default -> "";
    };
  }
}
