package vn.danvan.etl.generate;

import java.util.SplittableRandom;

/**
 * The questions the opinion surveys ask, each with the {@code indicator} that links it across waves
 * (question ids differ from wave to wave; the indicator does not). Answers come from a respondent's
 * general satisfaction, so that related answers agree with one another as in real surveys.
 */
final class QuestionBank {
  private QuestionBank() {}

  record Question(String indicator, String text, String type, String options) {}

  static final String LIKERT = "1;2;3;4;5";
  static final String YES_NO = "yes;no";

  static final Question[] ALL = {
      new Question("trust_local_government", "Mức độ tin tưởng của ông/bà vào chính quyền cấp xã", "likert5", LIKERT),
      new Question("satisfaction_mobilization", "Mức độ hài lòng với công tác dân vận ở địa phương", "likert5", LIKERT),
      new Question("heard_dan_van_kheo", "Ông/bà có biết mô hình \u201cDân vận khéo\u201d ở địa phương không?", "yes_no", YES_NO),
      new Question("attended_meeting", "Trong 12 tháng qua, ông/bà có dự họp thôn, tổ dân phố không?", "yes_no", YES_NO),
      new Question("info_source", "Ông/bà nhận thông tin về chủ trương, chính sách chủ yếu qua kênh nào?",
          "single_choice", "tv;loudspeaker;social_media;meeting;newspaper;other"),
      new Question("grassroots_democracy", "Người dân được bàn, quyết định các công trình ở địa phương", "likert5", LIKERT),
      new Question("cadre_attitude", "Thái độ của cán bộ khi tiếp công dân", "likert5", LIKERT),
      new Question("public_consultation", "Ông/bà có được lấy ý kiến về quy hoạch, kế hoạch sử dụng đất không?", "yes_no", YES_NO),
      new Question("contribution_kvnd", "Số tiền hộ gia đình đóng góp xây dựng công trình công cộng năm qua (nghìn đồng)",
          "numeric", ""),
      new Question("follows_official_pages", "Ông/bà có theo dõi trang mạng xã hội của chính quyền, đoàn thể địa phương không?",
          "yes_no", YES_NO),
      new Question("security_feeling", "Mức độ an toàn về an ninh, trật tự nơi ông/bà sống", "likert5", LIKERT),
      new Question("priority_issue", "Vấn đề ông/bà mong chính quyền quan tâm nhất",
          "single_choice", "jobs;roads;health;education;security;environment"),
      new Question("household_income_change", "Thu nhập của hộ gia đình so với năm trước", "single_choice",
          "higher;same;lower"),
      new Question("merger_opinion", "Ông/bà đánh giá thế nào về việc sắp xếp đơn vị hành chính năm 2025",
          "likert5", LIKERT)};

  /** Whether the question is asked in {@code year} (the merger one only from 2025). */
  static boolean asked(Question q, int year) {
    return !q.indicator().equals("merger_opinion") || year >= 2025;
  }

  /**
   * One answer; {@code mood} is the respondent's general satisfaction (standard normal), {@code year}
   * lifts it slowly over time. Empty now and then: "don't know" is not an answer.
   */
  static String answer(Question q, double mood, int year, SplittableRandom rnd) {
    if (Rng.chance(rnd, 0.03)) {
      return "";
    }
    double lift = 0.04 * (year - 2015);
    switch (q.type()) {
      case "likert5": {
        long v = Math.round(3.3 + lift + 0.8 * mood + 0.6 * rnd.nextGaussian());
        return Long.toString(Math.max(1, Math.min(5, v)));
      }
      case "yes_no": {
        double p = 1 / (1 + Math.exp(-(0.3 + lift + 0.9 * mood)));
        if (q.indicator().equals("follows_official_pages")) {
          p *= Math.min(1, 0.15 + 0.08 * Math.max(0, year - 2015));
        }
        return rnd.nextDouble() < p ? "yes" : "no";
      }
      case "numeric":
        return Long.toString(Math.round(Rng.lognormal(rnd, 300, 1.0) / 10) * 10);
      default: {
        String[] options = q.options().split(";");
        if (q.indicator().equals("info_source") && Rng.chance(rnd, Math.min(0.6, 0.05 * (year - 2013)))) {
          return "social_media";
        }
        return options[rnd.nextInt(options.length)];
      }
    }
  }
}
