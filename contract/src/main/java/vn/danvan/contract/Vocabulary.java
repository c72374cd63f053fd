package vn.danvan.contract;

import java.util.Set;

/** The closed vocabularies of the data contract; a value outside them is quarantined. */
public final class Vocabulary {
  private Vocabulary() {}

  public static final Set<String> UNIT = Set.of("mobilization_board", "military", "border_guard",
      "police", "fatherland_front", "youth_union", "women_union", "farmers_union",
      "veterans_union", "government", "other");

  public static final Set<String> ACTIVITY_TYPE = Set.of("briefing_conference", "training_course",
      "legal_awareness_session", "tech_transfer", "house_support", "gift_visit", "disaster_relief",
      "dialogue", "recruitment_outreach", "mobilization_drive", "loudspeaker_broadcast", "banner",
      "prestige_person_visit", "religious_dignitary_visit", "other");

  public static final Set<String> MODEL_FIELD =
      Set.of("economic", "culture_society", "defence_security", "political_system");
  public static final Set<String> MODEL_SCOPE = Set.of("collective", "individual");
  public static final Set<String> MODEL_STATUS = Set.of("registered", "recognized", "commended");

  public static final Set<String> PLATFORM =
      Set.of("facebook", "zalo", "tiktok", "youtube", "website", "other");
  public static final Set<String> FORMAT = Set.of("text", "image", "video", "link", "live");

  public static final Set<String> REGION_LEVEL = Set.of("province", "district", "commune");
  public static final Set<String> SPECIAL_AREA =
      Set.of("mountain", "ethnic_minority", "religious", "border", "coastal", "island");
  public static final Set<String> LINEAGE_RELATION = Set.of("full", "partial");

  public static final Set<String> QUESTION_TYPE =
      Set.of("likert5", "yes_no", "single_choice", "numeric");
  public static final Set<String> AGE_GROUP = Set.of("18-29", "30-44", "45-59", "60+");
  public static final Set<String> SEX = Set.of("male", "female", "other");
  public static final Set<String> RESIDENCE = Set.of("urban", "rural");
}
