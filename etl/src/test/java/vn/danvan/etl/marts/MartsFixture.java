package vn.danvan.etl.marts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import vn.danvan.contract.Lake;
import vn.danvan.etl.load.LoadConfig;
import vn.danvan.etl.load.LoadJob;
import vn.danvan.etl.load.TestLanding;
import vn.danvan.etl.load.TestSpark;

/**
 * A hand-made landing folder, loaded once per test JVM by the real load job (marts included), for
 * the tests that check figures worked out by hand from its rows. Regions: old province 01 with districts 001 (communes
 * 00001, 00004) and 002 (commune 00007), old province 02 with district 024 (communes 00700, 00020); from
 * 2025-07-01 new province 01 (communes 00004, a reused code, and 00010) and new province 08, into
 * which old 02 merged (shipped province lineage); old 02's commune 00020 moved whole into new 00010,
 * of new province 01. Commune lineage: 00001 → 00004 full; 00004 →
 * 00004 and 00010 partial without weights (2025 population 3,000 and 1,000: shares 0.75 / 0.25);
 * 00007 → 00004 (0.6) and 00010 (0.4) by stated weight. Report R11 gives 10 new models for district
 * 001 in 2019; its scope breakdown (R12: 8) does not add up, its field breakdown (R13, R14: 6 + 4)
 * does. Campaign C1 targets 20 dialogues for province 01, 2 for 02 and 5 gifts for district 001 in
 * 2019. Population 2019: communes 00001 200, 00004 500, 00007 1,000; old province 01 9,000 (its own
 * figure, not the sum of its communes').
 */
final class MartsFixture {
  private static Path lake;

  private MartsFixture() {}

  /** The lake's root, loaded on first use (with the shared test Spark session, left running). */
  static synchronized Path lake() {
    if (lake == null) {
      try {
        Path dir = Files.createTempDirectory(Path.of("target"), "marts-fixture-");
        load(TestSpark.start("marts-fixture"), dir);
        lake = dir.resolve("lake");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  /** The published snapshot's folder. */
  static Path snapshot() {
    return Lake.at(lake()).currentSnapshot().orElseThrow();
  }

  private static void load(SparkSession spark, Path dir) {
    TestLanding landing = new TestLanding(dir.resolve("landing"))
        .martReferences("1000", "0.6", "0.4")
        .csv("activities", "a.csv", "activity_id,unit,region_code,start_date,end_date,activity_type,"
                + "campaign_code,sessions,participants,quantity,man_days,value_vnd,note",
            "A1,military,00001,2019-03-10,,dialogue,,2,,,,,",
            "A2,military,00004,2019-08-05,,dialogue,,4,,,,,",
            "A3,mobilization_board,00007,2019-11-20,,dialogue,,10,,,,,",
            "A4,mobilization_board,001,2019-05-01,,dialogue,,1,,,,,",
            "A5,military,00010,2025-09-01,,dialogue,,5,,,,,",
            "A6,military,00004,2025-02-01,,dialogue,,8,,,,,",
            "A7,military,00700,2019-01-15,,dialogue,,3,,,,,",
            "B1,military,00004,2019-04-10,,briefing_conference,,3,,,,,",
            "B2,mobilization_board,00007,2019-02-01,,briefing_conference,,2,,,,,",
            "D1,military,00020,2019-06-01,,disaster_relief,,1,,,,,",
            "D2,military,024,2019-06-02,,disaster_relief,,1,,,,,",
            "T1,military,00001,2019-09-03,,tech_transfer,,2,40,,,,",
            "T2,military,00001,2019-09-03,,tech_transfer,,3,25,,,,",
            "T3,military,00001,2019-09-25,,tech_transfer,,4,,,,,")
        .csv("report_values", "r.csv", "report_id,region_code,period_start,period_end,unit,indicator,"
                + "disaggregation,value,source_document",
            "R1,01,2019-01-01,2019-12-31,military,briefing_conferences,,100,",
            "R2,001,2019-01-01,2019-06-30,military,briefing_conferences,,30,",
            "R3,001,2019-01-01,2019-06-30,mobilization_board,briefing_conferences,,40,",
            "R4,001,2019-07-01,2019-12-31,mobilization_board,briefing_conferences,,50,",
            "R5,001,2019-01-01,2019-12-31,mobilization_board,briefing_conferences,,95,",
            "R6,00001,2019-01-01,2019-03-31,military,briefing_conferences,,7,",
            "R7,01,2019-01-01,2019-12-31,mobilization_board,communes_new_rural,,226,",
            "R8,01,2019-01-01,2019-12-31,mobilization_board,communes_total,,431,",
            "R9,01,2019-01-01,2019-12-31,mobilization_board,new_rural_share,,52.49,",
            "R10,01,2016-01-01,2020-12-31,mobilization_board,briefing_conferences,,999,",
            "R11,001,2019-01-01,2019-12-31,mobilization_board,models_new,,10,",
            "R12,001,2019-01-01,2019-12-31,mobilization_board,models_new,scope=collective,8,",
            "R13,001,2019-01-01,2019-12-31,mobilization_board,models_new,field=economic,6,",
            "R14,001,2019-01-01,2019-12-31,mobilization_board,models_new,field=culture_society,4,")
        .csv("posts", "p.csv", "post_id,unit,team,region_code,platform,channel,published_at,topic,format",
            "P1,military,LL47,00001,facebook,page1,2019-05-01T09:00:00+07:00,law,image",
            "P2,military,LL47,00001,facebook,page1,2019-12-31T23:30:00+07:00,law,video")
        .csv("post_metrics", "m.csv", "post_id,observed_at,shares,comments,reactions,views",
            "P1,2019-05-02T09:00:00+07:00,5,1,10,",
            "P1,2019-05-10T09:00:00+07:00,9,2,30,",
            "P2,2020-01-02T09:00:00+07:00,1,0,4,")
        .csv("campaigns", "c.csv", "campaign_code,name,movement,start_date,end_date,owner_unit",
            "C1,Đợt thi đua thử,Dân vận khéo,2019-01-01,2019-12-31,mobilization_board")
        .csv("campaign_targets", "t.csv", "campaign_code,region_code,year,indicator,target_value",
            "C1,01,2019,dialogues,20", "C1,02,2019,dialogues,2", "C1,001,2019,gifts,5")
        .csv("models", "mo.csv", "model_id,region_code,year,field,scope,status,mobilized_vnd,name",
            "M1,00007,2019,economic,collective,recognized,1000000,Mô hình một",
            "M2,00007,2019,culture_society,individual,registered,0,Mô hình hai");
    LoadJob.run(spark, LoadConfig.of(landing.root(), dir.resolve("lake"), LocalDate.of(2025, 12, 31)), m -> { });
  }
}
