package vn.danvan.etl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.Layout.Chunk;
import vn.danvan.etl.generate.TaskOut.TaskResult;

/**
 * {@code posts} and their {@code post_metrics}: outreach on social media by official units, mostly
 * the LL47 teams of the district military commands (after the reform: of the communes and the
 * province), growing from about 2018. Posts and their snapshots are written by the same task, so a
 * post made bad simply gets no snapshots.
 */
final class PostsGen {
  private PostsGen() {}

  static final Table P = Table.POSTS;
  /** Posts of an average province in 2020 (trend 1) at scale 1. */
  static final double PER_PROVINCE = 290;
  static final String[] PLATFORMS = {"facebook", "zalo", "tiktok", "youtube", "website", "other"};
  static final String[] FORMATS = {"image", "video", "text", "link", "live"};
  static final double[] FORMAT_WEIGHTS = Rng.cumulative(45, 22, 15, 12, 6);
  static final String[] PROVINCE_UNITS = {"mobilization_board", "military", "police", "youth_union",
      "women_union", "fatherland_front", "border_guard"};
  static final double[] PROVINCE_UNIT_WEIGHTS = Rng.cumulative(28, 30, 18, 10, 6, 4, 4);
  static final String[] LOCAL_UNITS = {"military", "police", "youth_union", "mobilization_board"};
  static final double[] LOCAL_UNIT_WEIGHTS = Rng.cumulative(75, 10, 10, 5);

  static Plan plan() {
    return new Plan(P, List.of(Ways.malformed(), Ways.missing(P, "unit", "platform", "channel", "format"),
        Ways.badType(P, "published_at"),
        Ways.vocabularies(P, new String[] {"platform", "myspace", "friendster"},
            new String[] {"format", "gif", "audio"}, new String[] {"unit", "club"}),
        Ways.timestampOutOfRange(P, "published_at", "region_code"), Ways.unknownRegion(P, "region_code"),
        Ways.regionNotValid(P, "region_code"), Ways.duplicate()));
  }

  static List<Callable<TaskResult>> tasks(GenerateConfig config, Units units) {
    Layout layout = new Layout(config);
    List<Callable<TaskResult>> tasks = new ArrayList<>();
    // A post brings 2.25 snapshots on average (sparse) or 53 (hourly): rows per post in a chunk's files.
    double rowsPerPost = 1 + Snapshots.perPost(config.cadence());
    for (Chunk c : layout.chunks(units, s -> 63 * PER_PROVINCE * rowsPerPost * Figures.postsTrend(s.year()) * s.fraction())) {
      tasks.add(() -> chunk(config, units, layout, c));
    }
    return tasks;
  }

  private static TaskResult chunk(GenerateConfig config, Units units, Layout layout, Chunk c)
      throws Exception {
    Segment s = c.segment();
    EraUnits eu = c.units();
    Plan plan = plan();
    Snapshots snapshots = new Snapshots(Snapshots.plan(), config.cadence());
    try (TaskOut out = new TaskOut(config, units, "posts", s.tag(), c.index())) {
      SplittableRandom rnd = out.rnd;
      String ext = layout.jsonl(c.taskIndex()) ? "jsonl" : "csv";
      RowSink posts = out.open(P, c.file(ext), Layout.bom(c.taskIndex()));
      RowSink metrics = out.open(Table.POST_METRICS, c.file(ext), Layout.bom(c.taskIndex() + 2));
      String prefix = "P-" + s.tag() + "-" + c.index() + "-";
      int seq = 0;
      String[] row = new String[9];
      double[] platformWeights = Rng.cumulative(70, 10, s.year() >= 2020 ? 12 : 0, 3, 4, 1);
      for (int p = c.from(); p < c.to(); p++) {
        double mean = config.scale() * PER_PROVINCE * eu.size(p, units.old.meanProvincePop)
            * Figures.postsTrend(s.year()) * s.fraction();
        int n = Rng.poisson(rnd, mean);
        for (int k = 0; k < n; k++) {
          String id = prefix + Layout.seq(++seq);
          String[] author = author(eu, p, rnd);
          String platform = PLATFORMS[Rng.pick(rnd, platformWeights)];
          String format = FORMATS[Rng.pick(rnd, FORMAT_WEIGHTS)];
          if (platform.equals("tiktok") || platform.equals("youtube")) {
            format = Rng.chance(rnd, 0.9) ? "video" : "live";
          } else if (format.equals("live") && !platform.equals("facebook")) {
            format = "video";
          }
          long local = publishedAt(rnd, s);
          row[0] = id;
          row[1] = author[0];
          row[2] = author[1];
          row[3] = author[2];
          row[4] = platform;
          row[5] = channel(platform, author[3]);
          row[6] = Dates.timestamp(local, offset(rnd));
          row[7] = Rng.chance(rnd, 0.1) ? "" : Rng.any(rnd, Texts.TOPICS);
          row[8] = format;
          if (!out.emit(plan, posts, row, s.era())) {
            snapshots.write(out, metrics, id, local, format.equals("video") || format.equals("live"));
          }
        }
      }
      return out.finish();
    }
  }

  /** unit, team, region code, and the channel's owner as its page names it. */
  private static String[] author(EraUnits eu, int p, SplittableRandom rnd) {
    boolean local = Rng.chance(rnd, eu.era == Era.OLD ? 0.75 : 0.55);
    int[] below = eu.era == Era.OLD ? eu.districtsOf[p] : eu.communesOf[p];
    if (local && below.length > 0) {
      int i = below[rnd.nextInt(below.length)];
      String code = eu.era == Era.OLD ? eu.districtCode[i] : eu.communeCode[i];
      String name = eu.era == Era.OLD ? eu.districtName[i] : eu.communeName[i];
      String unit = LOCAL_UNITS[Rng.pick(rnd, LOCAL_UNIT_WEIGHTS)];
      String team = unit.equals("military") ? (Rng.chance(rnd, 0.9) ? "LL47" : "") : "";
      return new String[] {unit, team, code, label(unit, false) + " " + name};
    }
    String unit = PROVINCE_UNITS[Rng.pick(rnd, PROVINCE_UNIT_WEIGHTS)];
    if (unit.equals("border_guard") && !eu.border[p]) {
      unit = "military";
    }
    String team = unit.equals("military") && Rng.chance(rnd, 0.5) ? "LL47"
        : Rng.chance(rnd, 0.15) ? "Tổ tuyên truyền" : "";
    return new String[] {unit, team, eu.provinceCode[p], label(unit, true) + " " + eu.provinceName[p]};
  }

  private static String label(String unit, boolean province) {
    return switch (unit) {
      case "military" -> province ? "Bộ CHQS" : "Ban CHQS";
      case "police" -> "Công an";
      case "youth_union" -> "Đoàn Thanh niên";
      case "women_union" -> "Hội LHPN";
      case "fatherland_front" -> "Ủy ban MTTQ";
      case "border_guard" -> "BĐBP";
      default -> "Ban Dân vận";
    };
  }

  private static String channel(String platform, String owner) {
    return switch (platform) {
      case "facebook" -> "Trang Facebook " + owner;
      case "zalo" -> "Zalo OA " + owner;
      case "tiktok" -> "Kênh TikTok " + owner;
      case "youtube" -> "Kênh YouTube " + owner;
      case "website" -> "Cổng thông tin " + owner;
      default -> "Nhóm " + owner;
    };
  }

  /**
   * Local publication time inside the segment: mostly daytime; a few posts just after midnight or
   * just before it, where the UTC date (or a +08:00 date) differs from the local date.
   */
  private static long publishedAt(SplittableRandom rnd, Segment s) {
    int day = s.from() + rnd.nextInt(s.days());
    double u = rnd.nextDouble();
    int second;
    if (u < 0.03) {
      second = rnd.nextInt(3600);
    } else if (u < 0.05) {
      second = 23 * 3600 + rnd.nextInt(3600);
    } else {
      second = 6 * 3600 + rnd.nextInt(17 * 3600);
    }
    return Dates.localSeconds(day, second);
  }

  /** Offset the time is written with: mostly Vietnam time, some UTC, a few other zones. */
  static int offset(SplittableRandom rnd) {
    double u = rnd.nextDouble();
    return u < 0.85 ? Dates.LOCAL_OFFSET_MINUTES : u < 0.95 ? 0 : u < 0.98 ? 8 * 60 : 9 * 60;
  }
}
