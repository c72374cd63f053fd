package vn.danvan.etl.generate;

import java.util.Map;

/**
 * What an average province reports in half a year, calibrated on the real figures of
 * ../shared/domain.md (Ninh Bình, first half of 2019: 163 briefings to ~45,000 attendances, 210
 * houses worth over 7 billion VND, 795 technology-transfer sessions for 62,000 attendances, 20,115
 * gifts worth over 5.1 billion VND, 1,600 recruits; Lâm Hà's LL47 team: ~25 reactions, 0.36 shares
 * and 0.5 comments per post). Ninh Bình is a small province, so an average one reports a bit more.
 */
final class Figures {
  private Figures() {}

  /** Half-year value of an average (2019) province, before trend and noise. */
  static final Map<String, Double> HALF_YEAR = Map.ofEntries(
      Map.entry("briefing_conferences", 190.0),
      Map.entry("briefing_attendances", 52_000.0),
      Map.entry("trainees", 3_500.0),
      Map.entry("legal_awareness_sessions", 320.0),
      Map.entry("legal_awareness_attendances", 26_000.0),
      Map.entry("tech_transfer_sessions", 900.0),
      Map.entry("tech_transfer_attendances", 70_000.0),
      Map.entry("houses_supported", 240.0),
      Map.entry("houses_supported_value_vnd", 8.0e9),
      Map.entry("gifts", 23_000.0),
      Map.entry("gifts_value_vnd", 5.9e9),
      Map.entry("man_days", 9_000.0),
      Map.entry("recruits_mobilized", 1_800.0),
      Map.entry("dialogues", 140.0),
      Map.entry("loudspeaker_broadcasts", 1_800.0),
      Map.entry("banners", 450.0),
      Map.entry("prestige_person_visits", 520.0),
      Map.entry("religious_dignitary_visits", 240.0),
      Map.entry("models_new", 150.0),
      Map.entry("models_recognized", 130.0),
      Map.entry("models_mobilized_vnd", 1.5e10),
      Map.entry("outreach_posts", 9_000.0),
      Map.entry("outreach_shares", 9_000 * 0.36),
      Map.entry("outreach_comments", 9_000 * 0.5),
      Map.entry("outreach_reactions", 9_000 * 25.0),
      Map.entry("tasks_completed", 24.0),
      Map.entry("tasks_registered", 37.0),
      Map.entry("bright_spots", 50.0));

  /** Figures that are counts of gatherings: they dipped in the Covid years. */
  static boolean gathering(String indicator) {
    return indicator.startsWith("briefing") || indicator.startsWith("trainees")
        || indicator.startsWith("legal_awareness") || indicator.startsWith("tech_transfer")
        || indicator.equals("dialogues");
  }

  /**
   * The year's level relative to 2019: slow growth, a Covid dip for gatherings in 2020-2021, social
   * media only from about 2018, and the "Dân vận khéo" push from 2021.
   */
  static double trend(String indicator, int year) {
    double t = Math.pow(1.03, year - 2019);
    if (gathering(indicator) && (year == 2020 || year == 2021)) {
      t *= year == 2020 ? 0.72 : 0.66;
    }
    if (indicator.startsWith("outreach_")) {
      t = postsTrend(year);
    }
    if (indicator.startsWith("models_")) {
      t = modelsTrend(year);
    }
    return t;
  }

  /**
   * Social-media outreach relative to 2020: next to nothing before the LL47 teams of 2018, then
   * growing every year.
   */
  static double postsTrend(int year) {
    double[] t = {0.04, 0.08, 0.2, 0.5, 0.8, 1.0, 1.3, 1.5, 1.7, 1.9, 2.0};
    return t[Math.max(0, Math.min(t.length - 1, year - 2015))] * (year < 2015 ? 0.5 : 1);
  }

  /**
   * New "Dân vận khéo" models relative to an average year: a steady rise, with the 2021 "Year of
   * skilled mobilization" push; 2024 is 1.5 (Nghệ An reported 4,494 new models that year).
   */
  static double modelsTrend(int year) {
    double[] t = {0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.2, 1.3, 1.4, 1.5, 1.4};
    return t[Math.max(0, Math.min(t.length - 1, year - 2015))] * (year < 2015 ? 0.8 : 1);
  }

  /** Which indicators each reporting unit puts in its report. */
  static final Map<String, String[]> BY_UNIT = Map.of(
      "mobilization_board", new String[] {"briefing_conferences", "briefing_attendances", "trainees",
          "dialogues", "models_new", "models_recognized", "models_mobilized_vnd", "tasks_registered",
          "tasks_completed", "bright_spots", "communes_new_rural", "communes_total"},
      "military", new String[] {"recruits_mobilized", "houses_supported", "houses_supported_value_vnd",
          "man_days", "outreach_posts", "outreach_shares", "outreach_comments", "outreach_reactions",
          "prestige_person_visits", "loudspeaker_broadcasts", "banners"},
      "fatherland_front", new String[] {"gifts", "gifts_value_vnd", "houses_supported",
          "houses_supported_value_vnd"},
      "farmers_union", new String[] {"tech_transfer_sessions", "tech_transfer_attendances", "trainees"},
      "police", new String[] {"legal_awareness_sessions", "legal_awareness_attendances",
          "religious_dignitary_visits", "outreach_posts"},
      "youth_union", new String[] {"trainees", "gifts", "man_days", "outreach_posts"},
      "women_union", new String[] {"trainees", "gifts", "gifts_value_vnd"},
      "veterans_union", new String[] {"briefing_conferences", "gifts", "dialogues"},
      "border_guard", new String[] {"prestige_person_visits", "gifts", "houses_supported",
          "legal_awareness_sessions"},
      "government", new String[] {"dialogues", "tasks_registered", "tasks_completed",
          "communes_new_rural", "communes_total"});

  /** Share of the province's figure that one unit reports (several units report houses or gifts). */
  static double unitShare(String unit, String indicator) {
    return switch (unit) {
      case "mobilization_board", "military" -> 1.0;
      case "fatherland_front" -> indicator.startsWith("houses") ? 0.6 : 0.8;
      case "farmers_union" -> indicator.equals("trainees") ? 0.3 : 1.0;
      case "police" -> indicator.equals("outreach_posts") ? 0.2 : 0.8;
      case "government" -> 1.0;
      default -> 0.2;
    };
  }

  /** Unit abbreviations as report numbers carry them. */
  static String shortName(String unit) {
    return switch (unit) {
      case "mobilization_board" -> "BDV";
      case "military" -> "BCHQS";
      case "fatherland_front" -> "MTTQ";
      case "farmers_union" -> "HND";
      case "police" -> "CA";
      case "youth_union" -> "ĐTN";
      case "women_union" -> "HLHPN";
      case "veterans_union" -> "HCCB";
      case "border_guard" -> "BĐBP";
      default -> "UBND";
    };
  }
}
