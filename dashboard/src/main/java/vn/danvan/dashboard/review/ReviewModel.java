package vn.danvan.dashboard.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.catalogue.IndicatorSentences;
import vn.danvan.catalogue.IndicatorSentences.Sentence;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Level;
import vn.danvan.contract.PostAge;
import vn.danvan.contract.Stratum;
import vn.danvan.contract.release.Release;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.dashboard.review.ReviewDocument.Figure;
import vn.danvan.dashboard.review.ReviewDocument.Group;
import vn.danvan.dashboard.review.ReviewDocument.Headline;
import vn.danvan.dashboard.review.ReviewDocument.LoadRow;
import vn.danvan.dashboard.review.ReviewDocument.Outreach;
import vn.danvan.dashboard.review.ReviewDocument.Ranked;
import vn.danvan.dashboard.review.ReviewDocument.Ranking;
import vn.danvan.dashboard.review.ReviewDocument.ReleaseInfo;
import vn.danvan.dashboard.review.ReviewDocument.Source;
import vn.danvan.dashboard.review.ReviewDocument.SurveySeries;
import vn.danvan.dashboard.review.ReviewDocument.Trend;
import vn.danvan.dashboard.review.ReviewDocument.TrendPoint;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.MapRequest;
import vn.danvan.warehouse.indicators.MapValue;
import vn.danvan.warehouse.indicators.RegionSeries;
import vn.danvan.warehouse.indicators.SeriesPoint;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.indicators.TargetAttainment;
import vn.danvan.warehouse.outreach.Dimension;
import vn.danvan.warehouse.outreach.OutreachQueries;
import vn.danvan.warehouse.outreach.PostFilter;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.regions.RegionDirectory;
import vn.danvan.warehouse.regions.RegionProfile;
import vn.danvan.warehouse.survey.EstimatesRequest;
import vn.danvan.warehouse.survey.EstimatesResult;
import vn.danvan.warehouse.survey.SurveyQueries;
import vn.danvan.warehouse.trends.RankedRegion;

/**
 * Builds a {@link ReviewDocument} from the warehouse's own queries (series, map, attainment,
 * consistency, outreach, survey, regions), each of them read through the caller's scope, so a
 * province's account gets its province's review and nothing of another's. Every figure is
 * restated onto today's units ({@code boundaries=2025}) so ten years compare across the reform.
 */
public final class ReviewModel {
  static final int TREND_YEARS = 10;
  static final int GROWTH_YEARS = 5;
  static final int TOP_POSTS = 10;
  /** PAPI's total and its six dimensions, shown beside the survey. */
  static final List<String> PAPI = List.of("papi_total", "papi_c01", "papi_c02", "papi_c03", "papi_c04",
      "papi_c05", "papi_c06");
  private static final Boundaries MODE = Boundaries.RESTATED_2025;

  private final Warehouse warehouse;
  private final IndicatorCatalogue catalogue;
  private final IndicatorSentences sentences;
  private final IndicatorQueries indicators;
  private final RegionDirectory regions;
  private final OutreachQueries outreach;
  private final SurveyQueries surveys;
  private final GeoStore geo;

  public ReviewModel(Warehouse warehouse, IndicatorCatalogue catalogue, IndicatorSentences sentences, GeoStore geo) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.sentences = Objects.requireNonNull(sentences, "sentences");
    this.geo = Objects.requireNonNull(geo, "geo");
    this.indicators = new IndicatorQueries(warehouse, catalogue);
    this.regions = new RegionDirectory(warehouse);
    this.outreach = new OutreachQueries(warehouse);
    this.surveys = new SurveyQueries(warehouse, catalogue);
  }

  /**
   * The review of {@code region} (the nation or a 2025 province) in {@code year}, as {@code scope}
   * may see it; {@code release} (null: none) is only cited.
   *
   * @throws vn.danvan.warehouse.query.OutOfScopeException for a region outside the scope
   * @throws vn.danvan.warehouse.query.InvalidParameterException for a region that is not a province
   */
  public ReviewDocument build(RegionScope scope, String region, int year, String lang, Release release) {
    RegionProfile profile = regions.profile(scope, MODE, region);
    String level = profile.region().level();
    if (!level.equals(Level.NATION.code()) && !level.equals(Level.PROVINCE.code())) {
      throw new vn.danvan.warehouse.query.InvalidParameterException("region",
          "a review is of the nation (VN) or a province, not of a " + level);
    }
    Level peers = level.equals(Level.NATION.code()) ? Level.PROVINCE : Level.COMMUNE;
    Set<String> peerCodes = profile.children().stream().map(r -> r.code()).collect(Collectors.toSet());
    String area = Sentences.area(profile.region().name(), level, lang);
    List<TargetAttainment> targets = indicators.attainment(scope, year, null);
    List<Headline> headlines = new ArrayList<>();
    Map<String, List<Trend>> trends = new LinkedHashMap<>();
    Map<String, Ranking> rankings = new LinkedHashMap<>();
    for (Sentence sentence : sentences.all()) {
      Indicator indicator = catalogue.find(sentence.code()).orElseThrow();
      String name = lang.equals("en") ? indicator.nameEn() : indicator.nameVi();
      RegionSeries series = indicators.series(scope, new SeriesRequest(indicator.code(), List.of(region),
          OptionalInt.of(year - TREND_YEARS + 1), OptionalInt.of(year), Grain.YEAR, MODE, false, false))
          .series().get(0);
      Map<Integer, Double> byYear = new LinkedHashMap<>();
      List<TrendPoint> points = new ArrayList<>();
      for (SeriesPoint p : series.points()) {
        byYear.put(Integer.parseInt(p.period()), p.value());
        points.add(new TrendPoint(p.period(), p.value(), p.value() != null && Boolean.FALSE.equals(p.exact())));
      }
      trends.computeIfAbsent(sentence.group(), g -> new ArrayList<>())
          .add(new Trend(indicator.code(), name, indicator.unit(), points));
      Double value = byYear.get(year);
      Double previous = byYear.get(year - 1);
      Double change = value == null || previous == null ? null : value - previous;
      Double changePercent = change == null || previous == 0 ? null : change / previous * 100;
      Double before = byYear.get(year - GROWTH_YEARS);
      Double growth = value == null || before == null || before == 0 ? null : (value / before - 1) * 100;
      Double[] target = target(targets.stream().filter(t -> t.indicator().equals(indicator.code())).toList(), region);
      headlines.add(new Headline(indicator.code(), name, indicator.unit(), sentence.group(), value, previous, change,
          changePercent, growth, target == null ? null : target[0], target == null ? null : target[1],
          Sentences.write(sentence, lang, year, area, name, value, previous, change, changePercent)));
      if (!rankings.containsKey(sentence.group())) {
        rankings.put(sentence.group(), ranking(scope, indicator, name, year, peers, peerCodes));
      }
    }
    List<Group> groups = trends.entrySet().stream()
        .map(e -> new Group(e.getKey(), e.getValue(), rankings.get(e.getKey()))).toList();
    ReleaseInfo cited = release == null ? null : new ReleaseInfo(release.name(), release.title(), release.snapshot(),
        release.createdAt().toString(), release.createdBy(), release.manifestSha256());
    return new ReviewDocument(lang, profile.region(), year, MODE.code(), profile.snapshot(), cited, headlines, groups,
        outreach(scope, region, year), survey(scope, region, lang), papi(scope, region, year, lang),
        consistency(scope, region, year), load(), sources(lang));
  }

  /**
   * Reports of the region's units as reported whose breakdown disagrees with their total; none for
   * a scope that sees no unit as reported there (a lake without the lineage that maps them).
   */
  private List<vn.danvan.warehouse.indicators.Mismatch> consistency(RegionScope scope, String region, int year) {
    try {
      return indicators.consistency(scope, region, year);
    } catch (vn.danvan.warehouse.query.OutOfScopeException e) {
      return List.of();
    }
  }

  /** Target and attainment (per cent) of the region's campaign targets, summed; null without targets. */
  private static Double[] target(List<TargetAttainment> rows, String region) {
    List<TargetAttainment> own = rows.stream().filter(r -> r.region().equals(region)).toList();
    List<TargetAttainment> counted = own.isEmpty() && region.equals(Level.NATION_CODE) ? rows : own;
    if (counted.isEmpty()) {
      return null;
    }
    double target = counted.stream().mapToDouble(TargetAttainment::target).sum();
    boolean complete = counted.stream().allMatch(r -> r.achieved() != null);
    double achieved = counted.stream().filter(r -> r.achieved() != null).mapToDouble(TargetAttainment::achieved).sum();
    return new Double[] {target, complete && target > 0 ? achieved / target * 100 : null};
  }

  /** The region's children (its peers' level) ranked among themselves, highest first. */
  private Ranking ranking(RegionScope scope, Indicator indicator, String name, int year, Level level,
      Set<String> peers) {
    List<MapValue> values = indicators.map(scope, new MapRequest(indicator.code(), year, level, MODE)).values()
        .stream().filter(v -> peers.contains(v.region())).toList();
    Map<String, OptionalDouble> byRegion = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (MapValue v : values) {
      byRegion.put(v.region(), v.value() == null ? OptionalDouble.empty() : OptionalDouble.of(v.value()));
      names.put(v.region(), v.name());
    }
    List<Ranked> rows = new ArrayList<>();
    for (RankedRegion r : vn.danvan.warehouse.trends.Ranking.descending(byRegion).regions()) {
      rows.add(new Ranked(r.rank().isPresent() ? r.rank().getAsInt() : null, r.region(), names.get(r.region()),
          r.value().isPresent() ? r.value().getAsDouble() : null));
    }
    return new Ranking(indicator.code(), name, indicator.unit(), level.code(), geo.file(level.code()).isPresent(),
        rows);
  }

  private Outreach outreach(RegionScope scope, String region, int year) {
    PostFilter filter = PostFilter.of(region, MODE, OptionalInt.of(year), OptionalInt.of(year), Optional.empty());
    return new Outreach(
        outreach.aggregates(scope, filter, Dimension.PLATFORM, Level.PROVINCE, Grain.YEAR).rows(),
        outreach.aggregates(scope, filter, Dimension.UNIT, Level.PROVINCE, Grain.YEAR).rows(),
        outreach.growth(scope, filter, Optional.of(Dimension.PLATFORM)).points(),
        outreach.posts(scope, filter, PostAge.H24, OutreachQueries.Order.TOP, TOP_POSTS).posts());
  }

  private List<SurveySeries> survey(RegionScope scope, String region, String lang) {
    List<SurveySeries> out = new ArrayList<>();
    for (Indicator indicator : catalogue.all().stream().filter(Indicator::isSurvey).toList()) {
      EstimatesResult result = surveys.estimates(scope, new EstimatesRequest(indicator.code(), List.of(region),
          Optional.empty(), Stratum.TOTAL, MODE));
      if (result.waves().isEmpty()) {
        continue;
      }
      out.add(new SurveySeries(indicator.code(), lang.equals("en") ? indicator.nameEn() : indicator.nameVi(),
          indicator.unit(), result.waves(), result.regions().get(0).cells()));
    }
    return out;
  }

  /** The latest figure up to {@code year} of PAPI's total and six dimensions (provinces only). */
  private List<Figure> papi(RegionScope scope, String region, int year, String lang) {
    List<Figure> out = new ArrayList<>();
    for (String code : PAPI) {
      Optional<Indicator> indicator = catalogue.find(code);
      if (indicator.isEmpty()) {
        continue;
      }
      List<SeriesPoint> points = indicators.series(scope, new SeriesRequest(code, List.of(region), OptionalInt.empty(),
          OptionalInt.of(year), Grain.YEAR, MODE, false, false)).series().get(0).points();
      points.stream().filter(p -> p.value() != null).reduce((a, b) -> b).ifPresent(p -> out.add(new Figure(code,
          lang.equals("en") ? indicator.get().nameEn() : indicator.get().nameVi(), indicator.get().unit(),
          Integer.parseInt(p.period()), p.value())));
    }
    return out;
  }

  private List<LoadRow> load() {
    JsonNode tables = warehouse.loadReport().map(r -> r.path("tables")).orElse(null);
    List<LoadRow> rows = new ArrayList<>();
    if (tables != null) {
      tables.fields().forEachRemaining(e -> rows.add(new LoadRow(e.getKey(), e.getValue().path("read").asLong(),
          e.getValue().path("landed").asLong(), e.getValue().path("quarantined").asLong(),
          e.getValue().path("rows_in_lake").asLong())));
    }
    return rows;
  }

  private List<Source> sources(String lang) {
    return sentences.all().stream().map(s -> catalogue.find(s.code()).orElseThrow())
        .map(i -> new Source(i.code(), lang.equals("en") ? i.nameEn() : i.nameVi(), String.join(", ", i.sourceTables()),
            i.computation(), i.definitionVersion())).toList();
  }
}
