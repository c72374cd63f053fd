package vn.danvan.etl.generate;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The activity types and what a line of each carries, sized on the real reports of
 * ../shared/domain.md: a briefing reaches a few hundred people; a house costs about 33 million VND
 * and some tens of man-days; a gift is worth about 250,000 VND (a recruit's much more); a
 * legal-awareness session gathers about 80 people (Lâm Hà: 8,642 over 109 sessions).
 */
final class ActivityKinds {
  private ActivityKinds() {}

  /** In the contract's order; {@link Texts#note} indexes its notes the same way. */
  static final String[] TYPES = {"briefing_conference", "training_course", "legal_awareness_session",
      "tech_transfer", "house_support", "gift_visit", "disaster_relief", "dialogue",
      "recruitment_outreach", "mobilization_drive", "loudspeaker_broadcast", "banner",
      "prestige_person_visit", "religious_dignitary_visit", "other"};

  static final String[] UNITS = {"military", "mobilization_board", "fatherland_front", "police",
      "youth_union", "women_union", "farmers_union", "veterans_union", "border_guard", "government",
      "other"};
  static final double[] UNIT_WEIGHTS = Rng.cumulative(22, 14, 12, 10, 9, 8, 7, 4, 5, 6, 3);

  /** The types each unit mostly does (by index in {@link #TYPES}). */
  static final Map<String, int[]> USUAL = Map.ofEntries(
      Map.entry("military", new int[] {8, 4, 6, 9, 10, 11, 12, 5}),
      Map.entry("mobilization_board", new int[] {0, 1, 7, 12, 13}),
      Map.entry("fatherland_front", new int[] {5, 4, 7, 13}),
      Map.entry("police", new int[] {2, 10, 0, 13}),
      Map.entry("youth_union", new int[] {9, 6, 11, 1}),
      Map.entry("women_union", new int[] {1, 5, 2}),
      Map.entry("farmers_union", new int[] {3, 1}),
      Map.entry("veterans_union", new int[] {0, 5, 7}),
      Map.entry("border_guard", new int[] {12, 5, 4, 2}),
      Map.entry("government", new int[] {7, 0, 4}),
      Map.entry("other", new int[] {14, 5}));

  /** A type for the unit: mostly one of its usual ones, sometimes any. */
  static int type(SplittableRandom rnd, String unit) {
    int[] usual = USUAL.get(unit);
    return Rng.chance(rnd, 0.8) ? usual[rnd.nextInt(usual.length)] : rnd.nextInt(TYPES.length);
  }

  /** How many days the activity lasts (1 = a single day). */
  static int days(SplittableRandom rnd, int type) {
    return switch (type) {
      case 1 -> Rng.between(rnd, 1, 5);
      case 4 -> Rng.between(rnd, 3, 25);
      case 6 -> Rng.between(rnd, 1, 10);
      case 9 -> Rng.between(rnd, 3, 30);
      default -> 1;
    };
  }

  /**
   * Fills sessions, participants, quantity, man_days and value_vnd (indexes 7..11 of the activity
   * row); a figure a report of that type would not give stays empty.
   */
  static void measures(SplittableRandom rnd, int type, int days, String[] row) {
    long sessions = 0;
    long participants = 0;
    long quantity = 0;
    long manDays = 0;
    long value = 0;
    switch (type) {
      case 0 -> {
        sessions = Rng.chance(rnd, 0.8) ? 1 : Rng.between(rnd, 2, 3);
        participants = people(rnd, 180, 0.6);
      }
      case 1 -> {
        sessions = Rng.between(rnd, 1, 6);
        participants = people(rnd, 60, 0.5);
        value = Rng.chance(rnd, 0.3) ? round(Rng.lognormal(rnd, 15e6, 0.6), 1e5) : 0;
      }
      case 2 -> {
        sessions = Rng.between(rnd, 1, 3);
        participants = people(rnd, 80, 0.6);
      }
      case 3 -> {
        sessions = Rng.between(rnd, 1, 4);
        participants = people(rnd, 55, 0.5);
      }
      case 4 -> {
        quantity = Rng.chance(rnd, 0.8) ? 1 : Rng.between(rnd, 2, 3);
        participants = Rng.between(rnd, 10, 60);
        manDays = Math.max(quantity, Math.round(Rng.lognormal(rnd, 60, 0.6) * quantity));
        value = round(33e6 * quantity * Rng.lognormal(rnd, 1, 0.35), 1e5);
      }
      case 5 -> {
        quantity = 1 + Math.round(Rng.lognormal(rnd, 30, 0.9));
        boolean recruits = Rng.chance(rnd, 0.1);
        value = round(quantity * Rng.lognormal(rnd, recruits ? 2.4e6 : 260e3, 0.4), 1e4);
        participants = Rng.chance(rnd, 0.4) ? Rng.between(rnd, 3, 30) : 0;
      }
      case 6 -> {
        participants = Rng.between(rnd, 10, 200);
        manDays = participants * days;
        quantity = Rng.chance(rnd, 0.4) ? Rng.between(rnd, 1, 12) : 0;
        value = Rng.chance(rnd, 0.3) ? round(Rng.lognormal(rnd, 50e6, 0.8), 1e5) : 0;
      }
      case 7, 8 -> {
        sessions = Rng.chance(rnd, 0.85) ? 1 : 2;
        participants = people(rnd, type == 7 ? 70 : 60, 0.55);
      }
      case 9 -> {
        participants = people(rnd, 50, 0.6);
        manDays = Math.max(participants, Math.round(Rng.lognormal(rnd, 150, 0.8)));
      }
      case 10 -> sessions = Math.max(1, Math.round(Rng.lognormal(rnd, 8, 0.7)));
      case 11 -> quantity = Math.max(1, Math.round(Rng.lognormal(rnd, 6, 0.7)));
      case 12, 13 -> {
        quantity = Rng.between(rnd, 1, type == 12 ? 10 : 6);
        value = Rng.chance(rnd, 0.5) ? round(quantity * Rng.lognormal(rnd, 500e3, 0.4), 1e4) : 0;
      }
      default -> participants = Rng.chance(rnd, 0.5) ? people(rnd, 40, 0.7) : 0;
    }
    row[7] = text(sessions);
    row[8] = text(participants);
    row[9] = text(quantity);
    row[10] = text(manDays);
    row[11] = text(value);
  }

  private static long people(SplittableRandom rnd, double median, double sigma) {
    return Math.max(5, Math.round(Rng.lognormal(rnd, median, sigma)));
  }

  private static long round(double v, double step) {
    return Math.max((long) step, Math.round(v / step) * (long) step);
  }

  /** Empty for a figure the line does not give (0 stands for "not reported" here). */
  private static String text(long v) {
    return v == 0 ? "" : Long.toString(v);
  }
}
