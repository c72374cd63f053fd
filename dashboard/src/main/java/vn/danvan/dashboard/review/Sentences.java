package vn.danvan.dashboard.review;

import java.util.Map;
import vn.danvan.catalogue.IndicatorSentences.Sentence;
import vn.danvan.contract.Level;

/**
 * Fills a headline indicator's sentence ({@code catalogue/sentences.csv}) with its figures in the
 * pack's language: the year, the area ("toàn tỉnh", "cả nước"), the value and the change from the
 * year before, numbers in {@link VietnameseNumbers}' form. Nothing but figures goes in.
 */
final class Sentences {
  private Sentences() {}

  /** How a sentence names the whole of the region: the nation, or "toàn tỉnh" / "toàn thành phố". */
  static String area(String name, String level, String lang) {
    boolean english = lang.equals("en");
    if (level.equals(Level.NATION.code())) {
      return english ? "the whole country" : "cả nước";
    }
    if (name.startsWith("Thành phố ")) {
      return english ? name.substring("Thành phố ".length()) + " city" : "toàn thành phố";
    }
    if (name.startsWith("Tỉnh ")) {
      return english ? name.substring("Tỉnh ".length()) + " province" : "toàn tỉnh";
    }
    return english ? name : "toàn " + name;
  }

  static String write(Sentence sentence, String lang, int year, String area, String name, Double value,
      Double previous, Double change, Double changePercent) {
    boolean english = lang.equals("en");
    if (value == null) {
      return english ? year + ": no figure for “" + name + "”." : "Năm " + year + ": không có số liệu “" + name + "”.";
    }
    return sentence.write(lang, Map.of("year", String.valueOf(year), "area", area,
        "value", VietnameseNumbers.format(value, lang), "change", change(lang, year, previous, change, changePercent)));
  }

  /** "tăng 120 (2,75 %) so với năm 2023", "giảm …", "bằng năm 2023", or that there is nothing to compare with. */
  static String change(String lang, int year, Double previous, Double change, Double changePercent) {
    boolean english = lang.equals("en");
    int before = year - 1;
    if (previous == null || change == null) {
      return english ? "no figure for " + before + " to compare with" : "chưa có số liệu năm " + before + " để so sánh";
    }
    if (change == 0) {
      return english ? "the same as in " + before : "bằng năm " + before;
    }
    String amount = VietnameseNumbers.format(Math.abs(change), lang)
        + (changePercent == null ? "" : " (" + VietnameseNumbers.percent(Math.abs(changePercent), lang) + ")");
    if (english) {
      return (change > 0 ? "up " : "down ") + amount + " on " + before;
    }
    return (change > 0 ? "tăng " : "giảm ") + amount + " so với năm " + before;
  }
}
