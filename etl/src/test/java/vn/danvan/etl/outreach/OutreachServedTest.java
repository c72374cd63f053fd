package vn.danvan.etl.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Boundaries;
import vn.danvan.contract.Grain;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Level;
import vn.danvan.contract.PersonalData;
import vn.danvan.contract.PostAge;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.YearFolders;
import vn.danvan.etl.load.TestSpark;
import vn.danvan.warehouse.indicators.IndicatorQueries;
import vn.danvan.warehouse.indicators.SeriesPoint;
import vn.danvan.warehouse.indicators.SeriesRequest;
import vn.danvan.warehouse.indicators.SeriesResult;
import vn.danvan.warehouse.outreach.Aggregate;
import vn.danvan.warehouse.outreach.Dimension;
import vn.danvan.warehouse.outreach.GrowthPoint;
import vn.danvan.warehouse.outreach.OutreachQueries;
import vn.danvan.warehouse.outreach.PostFilter;
import vn.danvan.warehouse.outreach.RankedPost;
import vn.danvan.warehouse.query.InvalidParameterException;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * {@link OutreachFixture}'s planted totals through the real Spark load and the warehouse: the
 * existing {@code /api/series} indicators and the outreach answers, against figures worked out by
 * hand from the planted rows.
 */
class OutreachServedTest {
  static final RegionScope COUNTRY = RegionScope.country();
  static Warehouse warehouse;
  static IndicatorQueries series;
  static OutreachQueries outreach;

  @BeforeAll
  static void open() {
    warehouse = Warehouse.open(Lake.at(OutreachFixture.lake()));
    series = new IndicatorQueries(warehouse, IndicatorCatalogue.load());
    outreach = new OutreachQueries(warehouse);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static List<Double> values(String indicator, String region, Grain grain) {
    SeriesResult r = series.series(COUNTRY, new SeriesRequest(indicator, List.of(region), OptionalInt.of(2022),
        OptionalInt.of(2023), grain, Boundaries.REPORTED, false, false));
    return r.series().get(0).points().stream().map(SeriesPoint::value).toList();
  }

  @Test
  void the_district_series_are_the_planted_totals_by_year_and_half() {
    // 2022 = H1 + H2: posts 800 + 900, shares 280 + 320, comments 400 + 430, reactions 20,000 + 22,500;
    // 2023: posts 820 + 862, shares 300 + 306, comments 401 + 430, reactions 21,000 + 22,761
    // (two years: 3,382 posts, 1,206 shares, 1,661 comments, 86,261 reactions, as Lâm Hà's)
    assertThat(values("outreach_posts", "001", Grain.YEAR)).containsExactly(1_700.0, 1_682.0);
    assertThat(values("outreach_shares", "001", Grain.YEAR)).containsExactly(600.0, 606.0);
    assertThat(values("outreach_comments", "001", Grain.YEAR)).containsExactly(830.0, 831.0);
    assertThat(values("outreach_reactions", "001", Grain.YEAR)).containsExactly(42_500.0, 43_761.0);
    assertThat(values("outreach_posts", "001", Grain.HALF)).containsExactly(800.0, 900.0, 820.0, 862.0);
    assertThat(values("outreach_shares", "001", Grain.HALF)).containsExactly(280.0, 320.0, 300.0, 306.0);
    assertThat(values("outreach_comments", "001", Grain.HALF)).containsExactly(400.0, 430.0, 401.0, 430.0);
    assertThat(values("outreach_reactions", "001", Grain.HALF))
        .containsExactly(20_000.0, 22_500.0, 21_000.0, 22_761.0);
  }

  @Test
  void the_province_series_add_the_other_district() {
    // district 002: 2022-H1 10 posts x (1, 2, 30) plus EDGE-H1 (23:30 on 30 June, no snapshots);
    // 2022-H2 EDGE-H2 (00:15 on 1 July); 2023-H2 5 posts x (2, 0, 10)
    assertThat(values("outreach_posts", "01", Grain.HALF)).containsExactly(800.0 + 11, 900.0 + 1, 820.0, 862.0 + 5);
    assertThat(values("outreach_shares", "01", Grain.HALF)).containsExactly(280.0 + 10, 320.0, 300.0, 306.0 + 10);
    assertThat(values("outreach_comments", "01", Grain.HALF)).containsExactly(400.0 + 20, 430.0, 401.0, 430.0);
    assertThat(values("outreach_reactions", "01", Grain.HALF))
        .containsExactly(20_000.0 + 300, 22_500.0, 21_000.0, 22_761.0 + 50);
    assertThat(values("outreach_posts", "01", Grain.YEAR)).containsExactly(1_712.0, 1_687.0);
    assertThat(values("outreach_shares", "01", Grain.YEAR)).containsExactly(610.0, 616.0);
    assertThat(values("outreach_comments", "01", Grain.YEAR)).containsExactly(850.0, 831.0);
    assertThat(values("outreach_reactions", "01", Grain.YEAR)).containsExactly(42_800.0, 43_811.0);
  }

  @Test
  void a_lower_later_snapshot_is_flagged_and_does_not_shrink_the_totals() {
    // post 7 of 2022-H1: shares 1 (7 < 280), comments 1 (7 < 400), reactions 20,000 / 800 = 25;
    // its fourth snapshot, at 20 days, has 23 reactions
    SparkSession spark = TestSpark.start("outreach-served");
    Row p = spark.read().parquet(snapshot().resolve(OutreachMart.POST_STATS).toString())
        .where("post_id = 'D2022-H1-7'").first();
    assertThat(p.<Integer>getAs("snapshots")).isEqualTo(4);
    assertThat(p.<Integer>getAs("decreasing_snapshots")).isEqualTo(1);
    assertThat(p.<Long>getAs("reactions")).isEqualTo(25L);
    assertThat(p.<Long>getAs("interactions")).isEqualTo(1 + 1 + 25L);
    assertThat(p.<String>getAs("r_district")).isEqualTo("001");
    assertThat(p.<String>getAs("n_province")).isEqualTo("01");
  }

  @Test
  void the_half_year_breakdown_gives_mean_median_and_zero_share() {
    // 2022-H1 of 001: reactions 25 each; shares 1 for k < 280, comments 1 for k < 400:
    // 280 posts of 27, 120 of 26, 400 of 25 -> mean 20,680 / 800 = 25.85; sorted, the 400th is 25
    // and the 401st 26 -> median 25.5; no post without interactions
    List<Aggregate> rows = outreach.aggregates(COUNTRY, filter("001", Boundaries.REPORTED, "2022-H1"),
        Dimension.FORMAT, Level.PROVINCE, Grain.HALF).rows();
    assertThat(rows).hasSize(1);
    Aggregate a = rows.get(0);
    assertThat(a.period()).isEqualTo("2022-H1");
    assertThat(a.key()).isEqualTo("image");
    assertThat(a.posts()).isEqualTo(800);
    assertThat(a.interactions()).isEqualTo(280 + 400 + 20_000L);
    assertThat(a.meanInteractions()).isCloseTo(25.85, within(1e-9));
    assertThat(a.medianInteractions()).isCloseTo(25.5, within(1e-9));
    assertThat(a.zeroShare()).isEqualTo(0.0);
  }

  @Test
  void regions_at_a_level_break_the_province_down_in_both_boundary_modes() {
    // reported, 2022 by district: 001 1,700 posts, 600 + 830 + 42,500 interactions; 002 12 posts
    // (2 without snapshots), 10 + 20 + 300
    List<Aggregate> reported = outreach.aggregates(COUNTRY, filter("01", Boundaries.REPORTED, "2022"),
        Dimension.REGION, Level.DISTRICT, Grain.YEAR).rows();
    assertThat(reported).extracting(Aggregate::key, Aggregate::name, Aggregate::posts, Aggregate::measured,
        Aggregate::interactions).containsExactly(
            org.assertj.core.api.Assertions.tuple("001", "Huyện A", 1_700L, 1_700L, 43_930L),
            org.assertj.core.api.Assertions.tuple("002", "Huyện B", 12L, 10L, 330L));
    assertThat(reported.get(1).zeroShare()).isEqualTo(0.0);
    // 001 in 2022: H1 400 x 25, 120 x 26, 280 x 27; H2 (reactions 25, shares 1 for k < 320, comments
    // 1 for k < 430) 470 x 25, 110 x 26, 320 x 27: the 850th and 851st of 1,700 are both 25
    assertThat(reported.get(0).medianInteractions()).isEqualTo(25.0);
    assertThat(reported.get(0).meanInteractions()).isCloseTo(43_930.0 / 1_700, within(1e-9));
    // restated: old province 01 went whole into new 01 (shipped lineage): 1,712 + 1,687 posts
    List<Aggregate> restated = outreach.aggregates(COUNTRY, PostFilter.of("01", Boundaries.RESTATED_2025,
        OptionalInt.of(2022), OptionalInt.of(2023), Optional.empty()), Dimension.REGION, Level.PROVINCE, Grain.YEAR)
        .rows();
    assertThat(restated).extracting(Aggregate::period, Aggregate::key, Aggregate::posts)
        .containsExactly(org.assertj.core.api.Assertions.tuple("2022", "01", 1_712L),
            org.assertj.core.api.Assertions.tuple("2023", "01", 1_687L));
  }

  @Test
  void growth_curve_of_a_half_year_interpolates_each_post() {
    // 2022-H1 of 001, every post: 2 h snapshot 25 / 3 -> 8 reactions (shares, comments 1 / 3 -> 0),
    // so 4 at 1 h; 24 h snapshot 2 x 25 / 3 -> 16; at 7 d, 2/3 of the way from 16 to the final
    // 27, 26 or 25: 280 x (16 + 22/3) + 120 x (16 + 20/3) + 400 x 22, over 800
    List<GrowthPoint> points = outreach.growth(COUNTRY, filter("001", Boundaries.REPORTED, "2022-H1"),
        Optional.empty()).points();
    assertThat(points).extracting(GrowthPoint::age).containsExactly("1h", "24h", "7d", "final");
    assertThat(points).extracting(GrowthPoint::posts).containsOnly(800L);
    assertThat(points.get(0).meanInteractions()).isCloseTo(4.0, within(1e-9));
    assertThat(points.get(1).meanInteractions()).isCloseTo(16.0, within(1e-9));
    assertThat(points.get(2).meanInteractions())
        .isCloseTo((280 * (16 + 22.0 / 3) + 120 * (16 + 20.0 / 3) + 400 * 22.0) / 800, within(1e-9));
    assertThat(points.get(3).meanInteractions()).isCloseTo(25.85, within(1e-9));
    assertThat(points.get(3).hours()).isNull();
  }

  @Test
  void top_and_bottom_posts_are_ranked_by_their_score() {
    PostFilter h2 = filter("001", Boundaries.REPORTED, "2023-H2");
    List<RankedPost> top = outreach.posts(COUNTRY, h2, PostAge.H24, OutreachQueries.Order.TOP, 5).posts();
    List<RankedPost> bottom = outreach.posts(COUNTRY, h2, PostAge.H24, OutreachQueries.Order.BOTTOM, 5).posts();
    assertThat(top).hasSize(5).extracting(RankedPost::rank).containsExactly(1, 2, 3, 4, 5);
    assertThat(top).allSatisfy(p -> {
      assertThat(p.score()).isCloseTo(p.interactions() / p.benchmark(), within(1e-9));
      assertThat(p.benchmarkPosts()).isEqualTo(100);
      assertThat(p.publishedAt()).startsWith("2023-").endsWith("+07:00");
    });
    assertThat(top.get(0).score()).isGreaterThanOrEqualTo(top.get(4).score());
    assertThat(bottom.get(0).score()).isLessThanOrEqualTo(bottom.get(4).score());
    assertThat(bottom.get(0).score()).isLessThan(top.get(0).score());
  }

  @Test
  void unknown_regions_are_404_and_levels_a_mode_lacks_are_400() {
    assertThatThrownBy(() -> outreach.growth(COUNTRY, filter("99", Boundaries.REPORTED, "2022"), Optional.empty()))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("99");
    assertThatThrownBy(() -> outreach.aggregates(COUNTRY, filter("01", Boundaries.RESTATED_2025, "2022"),
        Dimension.REGION, Level.DISTRICT, Grain.YEAR))
        .isInstanceOf(InvalidParameterException.class).extracting("parameter").isEqualTo("level");
  }

  @Test
  void each_quarter_of_publishing_is_one_file_whose_posts_are_in_publishing_order() {
    SparkSession spark = TestSpark.start("outreach-served");
    java.nio.file.Path dir = snapshot().resolve(OutreachMart.POST_STATS);
    List<java.nio.file.Path> files = YearFolders.files(dir);
    java.util.Comparator<Row> publishing = java.util.Comparator
        .<Row, java.sql.Timestamp>comparing(r -> r.getAs("published_at")).thenComparing(r -> r.<String>getAs("post_id"));
    java.util.Map<String, String> fileOfQuarter = new java.util.TreeMap<>();
    long rows = 0;
    for (java.nio.file.Path file : files) {
      // one small file is one task: its rows come back in the file's order
      List<Row> inFile = spark.read().parquet(file.toString()).select("published_at", "post_id", "published_date")
          .collectAsList();
      assertThat(inFile).as(file.toString()).isSortedAccordingTo(publishing);
      for (Row r : inFile) {
        java.time.LocalDate day = r.<java.sql.Date>getAs("published_date").toLocalDate();
        String quarter = day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3);
        assertThat(fileOfQuarter.computeIfAbsent(quarter, q -> file.toString())).as(quarter).isEqualTo(file.toString());
      }
      rows += inFile.size();
    }
    // every post, 2022-Q1 to 2023-Q4 (the Vietnam-local quarters of the planted halves and edges)
    assertThat(rows).isEqualTo(spark.read().parquet(dir.toString()).count()).isEqualTo(3_382 + 17);
    assertThat(fileOfQuarter.keySet()).containsExactly("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4",
        "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4");
  }

  @Test
  void post_stats_writes_its_columns_of_distinct_values_without_a_dictionary() throws java.io.IOException {
    List<java.nio.file.Path> files = YearFolders.files(snapshot().resolve(OutreachMart.POST_STATS));
    assertThat(files).isNotEmpty();
    assertThat(OutreachMart.DISTINCT).contains("post_id", "published_at", "score_24h", "benchmark_7d", "interactions_1h");
    for (java.nio.file.Path f : files) {
      assertThat(vn.danvan.etl.lake.ParquetFooters.dictionaryColumns(f)).as(f.toString())
          .doesNotContainAnyElementsOf(OutreachMart.DISTINCT).contains("platform", "channel", "region_code");
    }
  }

  @Test
  void writing_post_stats_computes_each_post_s_scores_once() throws Exception {
    SparkSession spark = TestSpark.start("outreach-served");
    java.nio.file.Path snapshot = snapshot();
    java.util.concurrent.atomic.AtomicInteger walks = new java.util.concurrent.atomic.AtomicInteger();
    org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
      @Override
      public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted done) {
        // the scores are Overperformance's mapPartitions walk over each channel's posts
        if (scala.jdk.javaapi.CollectionConverters.asJava(done.stageInfo().rddInfos()).stream()
            .anyMatch(rdd -> rdd.scope().exists(scope -> scope.name().equals("MapPartitions")))) {
          walks.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
    try {
      long rows = OutreachMart.write(spark.read().parquet(Lake.table(snapshot, Table.POSTS).toString()),
          spark.read().parquet(Lake.table(snapshot, Table.POST_METRICS).toString()), PostAreasTest.AREAS,
          Benchmark.CROWDTANGLE, java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "post-stats-"))
          .count();
      spark.sparkContext().listenerBus().waitUntilEmpty();
      assertThat(rows).isEqualTo(3_382 + 17);
      // a global sort of the scores would walk them twice: once more to sample its ranges
      assertThat(walks.get()).isEqualTo(1);
    } finally {
      spark.sparkContext().removeSparkListener(listener);
    }
  }

  @Test
  void post_stats_holds_no_column_that_looks_like_personal_data() {
    SparkSession spark = TestSpark.start("outreach-served");
    String[] columns = spark.read().parquet(snapshot().resolve(OutreachMart.POST_STATS).toString()).columns();
    assertThat(columns).contains("post_id", "channel", "score_24h").hasSize(PostStats.SCHEMA.size() + 9);
    for (String c : columns) {
      assertThat(PersonalData.violation(Table.POST_METRICS, c)).as(c).isEmpty();
    }
  }

  /** The fixture lake's published snapshot. */
  private static java.nio.file.Path snapshot() {
    return warehouse.lake().root().resolve("snapshots").resolve(warehouse.snapshotId().orElseThrow());
  }

  private static PostFilter filter(String region, Boundaries boundaries, String period) {
    return PostFilter.of(region, boundaries, OptionalInt.empty(), OptionalInt.empty(), Optional.of(period));
  }
}
