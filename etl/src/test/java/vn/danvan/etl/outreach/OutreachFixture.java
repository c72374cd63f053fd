package vn.danvan.etl.outreach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.TestLanding;
import vn.danvan.etl.load.TestSpark;

/**
 * A landing folder whose outreach posts are planted with known totals, loaded once per test JVM by
 * the real load job. District 001 ("Huyện A", province 01; communes 00001, 00004) publishes Lâm
 * Hà's two years of LL47 work, 2022-2023: 3,382 posts, 1,206 shares, 1,661 comments, 86,261
 * reactions, per half {@link #HALVES}. Its post k of a half gets shares
 * {@code S / n + (k < S % n ? 1 : 0)} (likewise comments and reactions), and three snapshots: at
 * 2 h a third of each count (floored), at 24 h two thirds, at 10 days all; every 7th post a fourth
 * at 20 days with 2 reactions fewer (kept, flagged, not counted). The snapshots are split over two
 * files out of time order. District 002 (commune 00007, also province 01) adds
 * {@link #OTHER_DISTRICT} and two posts without snapshots, one each side of 1 July 2022.
 */
final class OutreachFixture {
  /** half, posts, shares, comments, reactions of district 001. */
  static final Object[][] HALVES = {
      {"2022-H1", 800, 280, 400, 20_000}, {"2022-H2", 900, 320, 430, 22_500},
      {"2023-H1", 820, 300, 401, 21_000}, {"2023-H2", 862, 306, 430, 22_761}};
  /** half, posts, and each post's shares, comments, reactions, for district 002. */
  static final Object[][] OTHER_DISTRICT = {{"2022-H1", 10, 1, 2, 30}, {"2023-H2", 5, 2, 0, 10}};
  static final String CHANNEL = "Trang Facebook Ban CHQS Huyện A";
  static final String OTHER_CHANNEL = "Zalo OA Ban CHQS Huyện B";

  private static Path lake;

  private OutreachFixture() {}

  static synchronized Path lake() {
    if (lake == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "outreach-fixture-");
        TestLanding landing = landing(dir.resolve("landing"));
        LoadJob.run(TestSpark.start("outreach-fixture"),
            LoadConfig.of(landing.root(), dir.resolve("lake"), LocalDate.of(2025, 12, 31)), m -> { });
        lake = dir.resolve("lake");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  /** The regions of the fixture: province 01 ships with the jar. */
  static TestLanding regions(TestLanding landing) {
    return landing.csv("regions", "regions.csv", "code,name,level,parent_code,valid_from,valid_to,special_area",
        "001,Huyện A,district,01,2008-08-01,2025-06-30,",
        "002,Huyện B,district,01,2008-08-01,2025-06-30,",
        "00001,Xã A1,commune,001,2008-08-01,2025-06-30,",
        "00004,Xã A4,commune,001,2008-08-01,2025-06-30,",
        "00007,Xã B7,commune,002,2008-08-01,2025-06-30,");
  }

  private static TestLanding landing(Path root) {
    List<String> posts = new ArrayList<>(List.of("post_id,unit,team,region_code,platform,channel,published_at,topic,format"));
    List<String> early = new ArrayList<>(List.of("post_id,observed_at,shares,comments,reactions,views"));
    List<String> late = new ArrayList<>(List.of("post_id,observed_at,shares,comments,reactions,views"));
    String[] codes = {"001", "00001", "00004"};
    for (Object[] h : HALVES) {
      String half = (String) h[0];
      int n = (int) h[1];
      for (int k = 0; k < n; k++) {
        String id = "D" + half + "-" + k;
        LocalDateTime at = start(half).plusDays(k % 180).plusHours(9);
        posts.add(String.join(",", id, "military", "LL47", codes[k % 3], "facebook", CHANNEL, vietnam(at), "law", "image"));
        long s = share((int) h[2], n, k);
        long c = share((int) h[3], n, k);
        long r = share((int) h[4], n, k);
        snapshots(id, at, s, c, r, k, early, late);
      }
    }
    for (Object[] h : OTHER_DISTRICT) {
      for (int k = 0; k < (int) h[1]; k++) {
        String id = "O" + h[0] + "-" + k;
        LocalDateTime at = start((String) h[0]).plusDays(k).plusHours(10);
        posts.add(String.join(",", id, "military", "", "00007", "zalo", OTHER_CHANNEL, vietnam(at),
            "defence", "video"));
        snapshots(id, at, (int) h[2], (int) h[3], (int) h[4], 1, early, late);
      }
    }
    // district 002, no snapshots: the half-year boundary in Vietnam time, written in UTC (23:30 on
    // 30 June is still H1; 00:15 on 1 July is H2)
    posts.add("EDGE-H1,military,,00007,zalo," + OTHER_CHANNEL + ",2022-06-30T16:30:00Z,law,image");
    posts.add("EDGE-H2,military,,00007,zalo," + OTHER_CHANNEL + ",2022-06-30T17:15:00Z,law,image");
    return regions(new TestLanding(root))
        .csv("posts", "posts.csv", posts.toArray(String[]::new))
        .csv("post_metrics", "m1.csv", late.toArray(String[]::new))
        .csv("post_metrics", "m2.csv", early.toArray(String[]::new));
  }

  /** {@code total / n}, plus one for the first {@code total % n} posts: the n shares sum to total. */
  static long share(int total, int n, int k) {
    return total / n + (k < total % n ? 1 : 0);
  }

  /** 2 h, 24 h, 10 d (and 20 d lower, every 7th post); the later ones in the file read first. */
  private static void snapshots(String id, LocalDateTime at, long s, long c, long r, int k, List<String> early,
      List<String> late) {
    late.add(metric(id, at.plusDays(10), s, c, r));
    if (k % 7 == 0) {
      late.add(metric(id, at.plusDays(20), s, c, Math.max(0, r - 2)));
    }
    (k % 2 == 1 ? late : early).add(metric(id, at.plusHours(2), s / 3, c / 3, r / 3));
    early.add(metric(id, at.plusHours(24), 2 * s / 3, 2 * c / 3, 2 * r / 3));
  }

  private static String metric(String id, LocalDateTime at, long s, long c, long r) {
    return String.join(",", id, vietnam(at), Long.toString(s), Long.toString(c), Long.toString(r), "");
  }

  private static LocalDateTime start(String half) {
    return LocalDate.of(Integer.parseInt(half.substring(0, 4)), half.endsWith("H1") ? 1 : 7, 1).atStartOfDay();
  }

  private static String vietnam(LocalDateTime local) {
    return local.atOffset(ZoneOffset.ofHours(7)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }
}
