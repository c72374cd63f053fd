package vn.danvan.etl.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random sequences of small landing folders over one region tree (old province 01 with districts
 * 001 and 002, old 02 with district 024; from the 2025 reform new communes 00004 and 00010 of new
 * province 01): a first load of everything, then loads of one kind each, in a random order.
 */
final class LoadSequences {
  /** What one load after the first brings. */
  enum Kind {
    /** New activities and report values in the latest months. */
    NEW_ROWS,
    /** Earlier ids sent again with other values, some moving to another year. */
    REPLACED_IDS,
    /** A correction (new and replaced rows) to an old year. */
    LATE_CORRECTION,
    /** Population and lineage weights change: every restated figure depends on them. */
    REFERENCE_CHANGE,
    /**
     * New posts and new metric snapshots of old posts, each on a day after its post's, so some
     * arrive before a post's earlier-loaded snapshots (a late snapshot), in an earlier year.
     */
    POSTS
  }

  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
  static final String ACTIVITIES = "activity_id,unit,region_code,start_date,end_date,activity_type,"
      + "campaign_code,sessions,participants,quantity,man_days,value_vnd,note";
  static final String REPORTS = "report_id,region_code,period_start,period_end,unit,indicator,"
      + "disaggregation,value,source_document";
  static final String POSTS = "post_id,unit,team,region_code,platform,channel,published_at,topic,format";
  static final String METRICS = "post_id,observed_at,shares,comments,reactions,views";
  private static final String[] OLD_COMMUNES = {"00001", "00004", "00007", "00700", "00020"};
  private static final String[] NEW_COMMUNES = {"00004", "00010"};
  private static final String[] TYPES = {"dialogue", "briefing_conference", "disaster_relief", "gift_visit"};
  private static final String[] UNITS = {"military", "mobilization_board"};

  private final SplittableRandom random;
  private final List<String> activityIds = new ArrayList<>();
  private final List<String> reportIds = new ArrayList<>();
  private final List<String> postIds = new ArrayList<>();
  private final java.util.Map<String, LocalDate> published = new java.util.HashMap<>();
  private final java.util.Map<String, Integer> sent = new java.util.HashMap<>();
  /** The latest row of every key sent so far, per table: what a from-scratch load lands. */
  private final java.util.Map<String, java.util.Map<String, String>> latest = new java.util.LinkedHashMap<>();
  private String[] currentReferences = {"1000", "0.6", "0.4"};
  private int next;
  /** The ids sent in this load: one row per key in a load (a duplicate is quarantined, not replaced). */
  private final java.util.Set<String> used = new java.util.HashSet<>();

  LoadSequences(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The kinds of the loads after the first, each once, in a random order. */
  List<Kind> order() {
    List<Kind> kinds = new ArrayList<>(List.of(Kind.values()));
    for (int i = kinds.size() - 1; i > 0; i--) {
      java.util.Collections.swap(kinds, i, random.nextInt(i + 1));
    }
    return kinds;
  }

  private static final String[] MODELS = {"model_id,region_code,year,field,scope,status,mobilized_vnd,name",
      "M1,00007,2019,economic,collective,recognized,1000000,Mô hình một",
      "M2,00004,2025,culture_society,individual,registered,0,Mô hình hai"};

  /**
   * One landing holding what the loads so far leave in the lake: the latest row of every key and
   * the latest references; loaded into an empty lake it gives the snapshot the loads should give.
   */
  Path fromScratch(Path dir) {
    TestLanding landing = new TestLanding(dir).martReferences(currentReferences[0], currentReferences[1],
        currentReferences[2]).csv("models", "mo.csv", MODELS);
    java.util.Map<String, String> headers = java.util.Map.of("activities", ACTIVITIES, "report_values", REPORTS,
        "posts", POSTS, "post_metrics", METRICS);
    latest.forEach((table, rows) -> {
      List<String> lines = new ArrayList<>(List.of(headers.get(table)));
      lines.addAll(rows.values());
      landing.csv(table, "all.csv", lines.toArray(String[]::new));
    });
    return landing.root();
  }

  private void remember(String table, String key, String line) {
    latest.computeIfAbsent(table, t -> new java.util.LinkedHashMap<>()).put(key, line);
  }

  /** The first load: references and facts of every year 2019-2025. */
  Path first(Path dir) {
    used.clear();
    TestLanding landing = new TestLanding(dir).martReferences("1000", "0.6", "0.4")
        .csv("models", "mo.csv", MODELS);
    activities(landing, "a.csv", 24, 2019, 2025, false);
    reports(landing, "r.csv", 12, 2019, 2025, false);
    posts(landing, 4, 2024, 2025);
    return landing.root();
  }

  /** A later load of one kind. */
  Path next(Kind kind, Path dir) {
    used.clear();
    TestLanding landing = new TestLanding(dir);
    switch (kind) {
      case NEW_ROWS -> {
        activities(landing, "a.csv", 8, 2025, 2025, false);
        reports(landing, "r.csv", 4, 2025, 2025, false);
      }
      case REPLACED_IDS -> {
        activities(landing, "a.csv", 5, 2019, 2025, true);
        reports(landing, "r.csv", 3, 2019, 2025, true);
      }
      case LATE_CORRECTION -> {
        activities(landing, "a.csv", 3, 2020, 2020, false);
        activities(landing, "b.csv", 2, 2020, 2020, true);
        reports(landing, "r.csv", 2, 2020, 2020, true);
      }
      case REFERENCE_CHANGE -> {
        currentReferences = new String[] {String.valueOf(500 + random.nextInt(2000)), "0.5", "0.5"};
        landing.martReferences(currentReferences[0], currentReferences[1], currentReferences[2]);
      }
      case POSTS -> posts(landing, 2, 2025, 2025);
    }
    return landing.root();
  }

  private void activities(TestLanding landing, String file, int n, int from, int to, boolean replace) {
    List<String> lines = new ArrayList<>(List.of(ACTIVITIES));
    for (int i = 0; i < n; i++) {
      String id = replace && !activityIds.isEmpty() ? activityIds.get(random.nextInt(activityIds.size()))
          : "A" + next++;
      if (!used.add(id)) {
        continue;
      }
      if (!activityIds.contains(id)) {
        activityIds.add(id);
      }
      LocalDate day = day(from, to);
      lines.add(String.join(",", id, UNITS[random.nextInt(UNITS.length)], region(day), day.toString(), "",
          TYPES[random.nextInt(TYPES.length)], "", String.valueOf(1 + random.nextInt(9)),
          String.valueOf(random.nextInt(200)), "", "", String.valueOf(random.nextInt(5) * 1_000_000), ""));
      remember("activities", id, lines.get(lines.size() - 1));
    }
    landing.csv("activities", file, lines.toArray(String[]::new));
  }

  private void reports(TestLanding landing, String file, int n, int from, int to, boolean replace) {
    List<String> lines = new ArrayList<>(List.of(REPORTS));
    for (int i = 0; i < n; i++) {
      String id = replace && !reportIds.isEmpty() ? reportIds.get(random.nextInt(reportIds.size()))
          : "R" + next++;
      if (!used.add(id)) {
        continue;
      }
      if (!reportIds.contains(id)) {
        reportIds.add(id);
      }
      int year = from + random.nextInt(to - from + 1);
      int month = 1 + random.nextInt(year == 2025 ? 6 : 12);
      LocalDate start = LocalDate.of(year, month, 1);
      boolean whole = random.nextBoolean();
      LocalDate periodStart = whole ? LocalDate.of(year, 1, 1) : start;
      LocalDate periodEnd = whole ? LocalDate.of(year, 12, 31) : start.plusMonths(1).minusDays(1);
      String region = year >= 2025 && whole ? "01" : random.nextBoolean() ? "01" : "001";
      if (year >= 2025 && !whole) {
        region = "01";
      }
      lines.add(String.join(",", id, region, periodStart.toString(), periodEnd.toString(),
          UNITS[random.nextInt(UNITS.length)], random.nextBoolean() ? "briefing_conferences" : "gifts", "",
          String.valueOf(random.nextInt(500)), ""));
      remember("report_values", id, lines.get(lines.size() - 1));
    }
    landing.csv("report_values", file, lines.toArray(String[]::new));
  }

  private void posts(TestLanding landing, int n, int from, int to) {
    List<String> posts = new ArrayList<>(List.of(POSTS));
    List<String> metrics = new ArrayList<>(List.of(METRICS));
    for (int i = 0; i < n; i++) {
      String id = "P" + next++;
      postIds.add(id);
      // the first post: in 2022, observed in 2024, then sent a late snapshot in 2022 (the year
      // between is reached through it alone); the second: in 2023, observed then and later in 2025
      // only (its 2023 snapshot stays linked)
      LocalDate day = postIds.size() == 1 ? LocalDate.of(2022, 3, 1)
          : postIds.size() == 2 ? LocalDate.of(2023, 6, 1) : day(from, to);
      day = day.isBefore(AS_OF) ? day : AS_OF.minusDays(1);
      published.put(id, day);
      posts.add(String.join(",", id, "military", "LL47", region(day), "facebook", "page1",
          day + "T09:00:00+07:00", "law", random.nextBoolean() ? "image" : "video"));
      remember("posts", id, posts.get(posts.size() - 1));
    }
    // a snapshot of every post so far, on a day after its publication: for an earlier post, often
    // between two of its snapshots loaded before, or before them all, and in another year
    for (String id : postIds) {
      LocalDate after = published.get(id).plusDays(1);
      LocalDate observed = after.plusDays(random.nextInt((int) (AS_OF.toEpochDay() - after.toEpochDay()) + 1));
      int least = 0;
      int earlier = sent.merge(id, 1, Integer::sum) - 1;
      if (id.equals(postIds.get(0)) && earlier > 0) {
        // the late one, larger than any: the 2024 snapshot loaded before becomes a decreasing one
        observed = after;
        least = 1000;
      } else if (id.equals(postIds.get(0))) {
        observed = LocalDate.of(2024, 6, 1);
      } else if (id.equals(postIds.get(1)) && earlier > 0) {
        observed = AS_OF.minusDays(random.nextInt(300));
      } else if (id.equals(postIds.get(1))) {
        observed = after;
      }
      metrics.add(String.join(",", id, observed + "T10:00:00+07:00", String.valueOf(least + random.nextInt(50)),
          String.valueOf(random.nextInt(20)), String.valueOf(random.nextInt(300)), ""));
      remember("post_metrics", id + "|" + observed, metrics.get(metrics.size() - 1));
    }
    landing.csv("posts", "p" + next + ".csv", posts.toArray(String[]::new));
    landing.csv("post_metrics", "m" + next + ".csv", metrics.toArray(String[]::new));
  }

  private LocalDate day(int from, int to) {
    int year = from + random.nextInt(to - from + 1);
    LocalDate first = LocalDate.of(year, 1, 1);
    LocalDate last = year == 2025 ? AS_OF : LocalDate.of(year, 12, 31);
    return first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
  }

  /** A commune that exists on that day. */
  private String region(LocalDate day) {
    String[] codes = day.isBefore(LocalDate.of(2025, 7, 1)) ? OLD_COMMUNES : NEW_COMMUNES;
    return codes[random.nextInt(codes.length)];
  }
}
