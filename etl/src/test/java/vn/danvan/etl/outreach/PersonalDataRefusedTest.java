package vn.danvan.etl.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.LoadRefusedException;
import vn.danvan.etl.load.TestLanding;
import vn.danvan.etl.load.TestSpark;

/**
 * The outreach tables hold the official units' posts and aggregate counts only: a posts or
 * post_metrics file that carries anything about the people who commented or reacted is refused as a
 * whole, and nothing of the load is published.
 */
class PersonalDataRefusedTest {
  static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = TestSpark.start("outreach-personal-data");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static final String POST = "P1,military,LL47,001,facebook,Trang Facebook Ban CHQS Huyện A,"
      + "2022-05-01T09:00:00+07:00,law,image";

  private static void assertRefused(Path dir, TestLanding landing, String column) {
    LoadConfig config = LoadConfig.of(landing.root(), dir.resolve("lake"), LocalDate.of(2025, 12, 31));
    assertThatThrownBy(() -> LoadJob.run(spark, config, m -> { }))
        .isInstanceOf(LoadRefusedException.class)
        .hasMessageContaining("'" + column + "'").hasMessageContaining("nothing of this load was written");
    assertThat(Lake.at(dir.resolve("lake")).currentSnapshot()).isEmpty();
  }

  @Test
  void refuses_a_posts_file_naming_its_commenters(@TempDir Path dir) {
    TestLanding landing = OutreachFixture.regions(new TestLanding(dir.resolve("landing")))
        .csv("posts", "p.csv", "post_id,unit,team,region_code,platform,channel,published_at,topic,format,commenter_ids",
            POST + ",1234;5678");
    assertRefused(dir, landing, "commenter_ids");
  }

  @Test
  void refuses_a_post_metrics_file_listing_who_reacted(@TempDir Path dir) {
    TestLanding landing = OutreachFixture.regions(new TestLanding(dir.resolve("landing")))
        .csv("posts", "p.csv", "post_id,unit,team,region_code,platform,channel,published_at,topic,format", POST)
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views,reactor_profile",
            "P1,2022-05-02T09:00:00+07:00,1,2,30,,facebook.com/someone");
    assertRefused(dir, landing, "reactor_profile");
  }

  @Test
  void refuses_a_post_metrics_file_with_comment_texts(@TempDir Path dir) {
    TestLanding landing = OutreachFixture.regions(new TestLanding(dir.resolve("landing")))
        .csv("posts", "p.csv", "post_id,unit,team,region_code,platform,channel,published_at,topic,format", POST)
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views,Comment text",
            "P1,2022-05-02T09:00:00+07:00,1,2,30,,hay quá");
    assertRefused(dir, landing, "Comment text");
  }
}
