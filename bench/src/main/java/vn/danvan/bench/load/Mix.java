package vn.danvan.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import vn.danvan.warehouse.query.RegionScope;

/**
 * The pages' mixed reads, with parameters drawn (seeded) from what the served lake really holds:
 * its indicators, provinces, years, survey series and posts. The shares follow what the pages ask
 * when opened: Overview (a series per indicator, province maps), Trends (a few regions at a grain),
 * Region (profile, ranking, maps), Survey (estimates) and Outreach (aggregates, growth, posts);
 * every page fills its pickers from {@code /api/regions}.
 *
 * <p>Each scope has its own mix, drawn from what that scope's account is shown: a province's users
 * ask about their province (its 2025 code, or the units it continues in reported mode) and the
 * nation only where a scoped account may (series beside its own, survey estimates), never about
 * another province; the nation's outreach is every unit's posts, refused to a scoped account.
 */
final class Mix {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] GRAINS = {"year", "year", "quarter", "month"};

  /**
   * The facts of the lake the reads are drawn from, as one scope sees them.
   *
   * @param scope the scope's root: {@code VN} or a province
   * @param provinces boundary mode -> the provinces the scope sees in it
   */
  record Facts(String scope, List<String> indicators, List<String> surveys, Map<String, List<String>> provinces,
      int firstYear, int lastYear) {
    boolean national() {
      return scope.equals(RegionScope.COUNTRY);
    }
  }

  private Mix() {}

  /** The 2025 provinces {@code user} sees, read through the API. */
  static List<String> provinces(HttpReads http, int user) throws IOException, InterruptedException {
    JsonNode r = JSON.readTree(http.get(user, "/api/regions?boundaries=2025&level=province"));
    List<String> codes = new ArrayList<>();
    r.get("regions").forEach(x -> codes.add(x.get("code").asText()));
    return List.copyOf(codes);
  }

  /** Reads the lake's facts through the API itself, as {@code user}, whose scope is {@code scope}. */
  static Facts discover(HttpReads http, int user, String scope) throws IOException, InterruptedException {
    JsonNode catalogue = JSON.readTree(http.get(user, "/api/indicators"));
    List<String> indicators = new ArrayList<>();
    List<String> surveys = new ArrayList<>();
    for (JsonNode i : catalogue) {
      String computation = i.path("computation").asText();
      if (computation.equals("survey")) {
        surveys.add(i.get("code").asText());
      } else if (!computation.startsWith("external") && !i.get("code").asText().equals("population")) {
        indicators.add(i.get("code").asText());
      }
    }
    Map<String, List<String>> provinces = new java.util.LinkedHashMap<>();
    for (String b : List.of("2025", "reported")) {
      JsonNode r = JSON.readTree(http.get(user, "/api/regions?boundaries=" + b + "&level=province"));
      List<String> codes = new ArrayList<>();
      r.get("regions").forEach(x -> codes.add(x.get("code").asText()));
      provinces.put(b, List.copyOf(codes));
    }
    if (provinces.get("2025").isEmpty()) {
      throw new IOException("scope " + scope + " sees no 2025 province in the served snapshot");
    }
    // the years of the first indicator with national figures: the span the pages offer
    for (String indicator : indicators) {
      JsonNode span = JSON.readTree(http.get(user, "/api/series?indicator=" + indicator
          + "&region=VN&boundaries=2025"));
      if (span.get("from").asInt() > 0) {
        return new Facts(scope, indicators, surveys, provinces, span.get("from").asInt(), span.get("to").asInt());
      }
    }
    throw new IOException("no indicator has national figures in the served snapshot");
  }

  /**
   * {@code size} reads drawn with {@code seed}; the nation's draws with a seed are the same
   * whatever the size (a smaller mix is the start of a larger one).
   */
  static List<Read> draw(Facts f, long seed, int size) {
    Random r = new Random(seed);
    List<Read> reads = new ArrayList<>(size);
    while (reads.size() < size) {
      int dice = r.nextInt(100);
      String b = r.nextInt(10) < 7 ? "2025" : "reported";
      if (f.provinces().get(b).isEmpty()) {
        b = "2025"; // a scope that continues no unit in reported mode
      }
      List<String> provinces = f.provinces().get(b);
      String indicator = pick(r, f.indicators());
      int year = f.lastYear() - r.nextInt(Math.min(5, f.lastYear() - f.firstYear() + 1));
      String region = r.nextInt(3) == 0 ? "VN" : pick(r, provinces);
      // a scoped account asks the outreach endpoints about its own region, never the nation's
      String outreachRegion = region.equals("VN") && !f.national() ? pick(r, provinces) : region;
      if (dice < 30) {
        reads.add(series(r, f, b, indicator, provinces));
      } else if (dice < 45) {
        reads.add(new Read("map", "/api/map?indicator=" + indicator + "&year=" + year + "&level=province&boundaries=" + b,
            "pg_map", List.of(b, "year", indicator, "province", year)));
      } else if (dice < 55) {
        reads.add(new Read("ranking", "/api/ranking?indicator=" + indicator + "&year=" + year
            + "&level=province&boundaries=" + b, "pg_map", List.of(b, "year", indicator, "province", year)));
      } else if (dice < 63) {
        reads.add(new Read("regions", "/api/regions?boundaries=" + b + "&level=province", "pg_regions",
            List.of(b, "province")));
      } else if (dice < 68) {
        String code = pick(r, provinces);
        reads.add(new Read("region_profile", "/api/regions/" + code + "?boundaries=" + b, "pg_region_children",
            List.of(b, code)));
      } else if (dice < 78) {
        if (!f.surveys().isEmpty()) {
          reads.add(Read.httpOnly("survey", "/api/survey/estimates?indicator=" + pick(r, f.surveys()) + "&region="
              + region + "&by=" + pick(r, List.of("total", "total", "sex", "age_group")) + "&boundaries=" + b));
        }
      } else if (dice < 88) {
        String by = pick(r, List.of("platform", "topic", "format", "region"));
        reads.add(Read.httpOnly("outreach_aggregates", "/api/outreach/aggregates?region=" + outreachRegion
            + "&boundaries=" + b + "&by=" + by
            + (r.nextBoolean() ? "&grain=" + pick(r, List.of("year", "quarter", "month")) : "&period=" + year)));
      } else if (dice < 94) {
        reads.add(Read.httpOnly("outreach_posts", "/api/outreach/posts?region=" + outreachRegion
            + "&boundaries=" + b + "&order=" + pick(r, List.of("top", "bottom")) + "&age=24h&limit=10&period=" + year));
      } else {
        reads.add(Read.httpOnly("outreach_growth", "/api/outreach/growth?region=" + outreachRegion
            + "&boundaries=" + b + "&by=platform&period=" + year));
      }
    }
    return List.copyOf(reads);
  }

  /**
   * Overview's ten years of the nation, Region's whole span of one region, or Trends' few regions
   * at a grain (a province's Trends: itself beside the nation).
   */
  private static Read series(Random r, Facts f, String b, String indicator, List<String> provinces) {
    int kind = r.nextInt(3);
    List<String> regions = new ArrayList<>();
    String grain = "year";
    int from = Math.max(f.firstYear(), f.lastYear() - 9);
    if (kind == 0) {
      regions.add("VN");
    } else if (kind == 1) {
      regions.add(pick(r, provinces));
      from = f.firstYear();
    } else {
      int n = Math.min(2 + r.nextInt(7), provinces.size());
      while (regions.size() < n) {
        String p = pick(r, provinces);
        if (!regions.contains(p)) {
          regions.add(p);
        }
      }
      if (regions.size() < 2) {
        regions.add(0, RegionScope.COUNTRY);
      }
      grain = GRAINS[r.nextInt(GRAINS.length)];
    }
    String list = regions.stream().collect(Collectors.joining(","));
    String path = "/api/series?indicator=" + indicator + "&region=" + list + "&from=" + from + "&to=" + f.lastYear()
        + "&grain=" + grain + "&boundaries=" + b;
    return new Read("series", path, "pg_series", List.of(b, grain, indicator, list, from, f.lastYear()));
  }

  private static <T> T pick(Random r, List<T> from) {
    return from.get(r.nextInt(from.size()));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
