package vn.danvan.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeException;
import vn.danvan.contract.LakeTable;
import vn.danvan.contract.retention.Retention;
import vn.danvan.warehouse.testlake.TestLake;

class WarehouseTest {
  private static final SqlFile READ_FILE = SqlFile.load(WarehouseTest.class, "read_file");
  private static final SqlFile ENABLE_ACCESS =
      SqlFile.load(WarehouseTest.class, "enable_external_access");
  private static final SqlFile ACTIVITY_YEARS = SqlFile.load(WarehouseTest.class, "activity_years");
  private static final SqlFile COLUMNS_OF = SqlFile.load(WarehouseTest.class, "columns_of");
  private static final SqlFile SLOW = SqlFile.load(WarehouseTest.class, "slow");
  private static final RegionScope COUNTRY = RegionScope.country();

  @TempDir Path tmp;

  private TestLake twoYearLake() {
    return TestLake.in(tmp.resolve("lake"))
        .activities("s1", 2023, 3).activities("s1", 2024, 5).regions("s1", 2)
        .loadReport("s1", "{\"tables\":{\"activities\":{\"read\":8,\"landed\":8}}}")
        .publish("s1");
  }

  @Test
  void counts_rows_per_table_of_the_current_snapshot() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(wh.snapshotId()).contains("s1");
      assertThat(wh.tableCounts(COUNTRY))
          .containsExactly(entry(LakeTable.REGIONS, 2L), entry(LakeTable.ACTIVITIES, 8L));
      assertThat(wh.loadReport().orElseThrow().at("/tables/activities/landed").asLong())
          .isEqualTo(8);
    }
  }

  @Test
  void exposes_the_year_partition_and_binds_values() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      List<String> years = wh.read(COUNTRY, s -> s.query(ACTIVITY_YEARS,
          r -> r.getInt("year") + "=" + r.getLong("n") + ":" + r.getString("year_type"), 12L));
      // participants are 10 + i: in 2023 only i=2 reaches 12, in 2024 i=2,3,4 do
      assertThat(years).containsExactly("2023=1:INTEGER", "2024=3:INTEGER");
    }
  }

  @Test
  void a_table_folder_without_parquet_counts_zero_rows() {
    TestLake lake = twoYearLake().emptyTable("s1", "posts");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.POSTS, 0L).hasSize(3);
    }
  }

  @Test
  void a_fact_table_that_landed_no_row_is_served_with_a_null_year() {
    // Spark writes a schema-only file, without any year=YYYY folder, for a table with no rows
    TestLake lake = twoYearLake().parquet("s1", "campaign_targets/part-0.parquet",
        "SELECT 'C1' AS campaign_code, 2024::INTEGER AS target_value WHERE false");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.CAMPAIGN_TARGETS, 0L);
      assertThat(columns(wh, LakeTable.CAMPAIGN_TARGETS)).containsExactly("campaign_code", "target_value", "year");
    }
  }

  @Test
  void without_current_reads_fail_until_refresh_finds_a_published_snapshot() {
    TestLake lake = TestLake.in(tmp.resolve("lake")).activities("s1", 2024, 4);
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(wh.snapshotId()).isEmpty();
      assertThatThrownBy(() -> wh.tableCounts(COUNTRY))
          .isInstanceOf(NoSnapshotException.class).hasMessageContaining("no CURRENT");

      lake.publish("s1");
      assertThat(wh.refresh()).isTrue();
      assertThat(wh.tableCounts(COUNTRY)).containsExactly(entry(LakeTable.ACTIVITIES, 4L));
    }
  }

  @Test
  void a_pinned_warehouse_serves_its_snapshot_whatever_current_says() {
    TestLake lake = twoYearLake().activities("s2", 2024, 2).publish("s2");
    Lake at = Lake.at(lake.root());
    try (Warehouse wh = Warehouse.pinned(at, at.ref("s1"), WarehouseOptions.defaults())) {
      assertThat(wh.snapshotId()).contains("s1");
      assertThat(wh.refresh()).isFalse();
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.ACTIVITIES, 8L);
    }
    assertThatThrownBy(() -> Warehouse.pinned(at, at.ref("s9"), WarehouseOptions.defaults()))
        .isInstanceOf(LakeException.class).hasMessageContaining("s9 does not exist");
  }

  @Test
  void lake_gc_leaves_the_snapshot_a_server_still_serves_until_it_moves_on() {
    TestLake lake = twoYearLake();
    Lake at = Lake.at(lake.root());
    try (Warehouse wh = Warehouse.open(at)) {
      lake.activities("s2", 2024, 1).publish("s2").activities("s3", 2024, 2).publish("s3");

      Retention.collect(at, 1, false);
      assertThat(at.snapshotIds()).containsExactly("s1", "s3");
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.ACTIVITIES, 8L);

      assertThat(wh.refresh()).isTrue();
      Retention.collect(at, 1, false);
      assertThat(at.snapshotIds()).containsExactly("s3");
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.ACTIVITIES, 2L);
    }
  }

  @Test
  void refresh_without_a_new_snapshot_keeps_the_same_instance() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      SnapshotDatabase before = wh.servedDatabase();
      assertThat(wh.refresh()).isFalse();
      assertThat(wh.servedDatabase()).isSameAs(before);
      assertThat(before.isClosed()).isFalse();
    }
  }

  @Test
  void refresh_serves_the_new_snapshot_while_a_read_in_flight_finishes_on_the_old_one()
      throws Exception {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      CountDownLatch onS1 = new CountDownLatch(1);
      CountDownLatch swapped = new CountDownLatch(1);
      CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() ->
          wh.read(COUNTRY, session -> {
            onS1.countDown();
            await(swapped);
            long rows = session.query(ACTIVITY_YEARS, r -> r.getLong("n"), 0L)
                .stream().mapToLong(Long::longValue).sum();
            assertThat(session.database().isClosed()).isFalse();
            return session.snapshot().id() + ":" + rows;
          }));
      assertThat(onS1.await(30, TimeUnit.SECONDS)).isTrue();
      SnapshotDatabase s1 = wh.servedDatabase();

      lake.activities("s2", 2025, 11).publish("s2");
      assertThat(wh.refresh()).isTrue();
      assertThat(wh.snapshotId()).contains("s2");
      assertThat(wh.tableCounts(COUNTRY)).containsExactly(entry(LakeTable.ACTIVITIES, 11L));
      assertThat(s1.isClosed()).as("s1 stays open while a read is on it").isFalse();

      swapped.countDown();
      assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("s1:8");
      assertThat(s1.isClosed()).as("s1 closes when its last read ends").isTrue();
    }
  }

  @Test
  void a_session_cannot_be_used_after_its_read_ended() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      SnapshotSession escaped = wh.read(COUNTRY, s -> s);
      assertThatThrownBy(() -> escaped.query(ACTIVITY_YEARS, r -> 1, 0L))
          .isInstanceOf(IllegalStateException.class).hasMessageContaining("after its read ended");
    }
  }

  @Test
  void reading_a_file_outside_the_snapshot_is_refused() throws Exception {
    TestLake lake = twoYearLake().activities("other", 2024, 2);
    TestLake elsewhere = TestLake.in(tmp.resolve("elsewhere")).parquet("x", "secret.parquet", "SELECT 1 AS secret");
    Path outside = elsewhere.snapshotDir("x").resolve("secret.parquet");
    Path inside = lake.snapshotDir("s1").resolve("regions/part-0.parquet");
    Path otherSnapshot = lake.snapshotDir("other").resolve("activities/year=2024/part-0.parquet");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      List<Long> insideRows = wh.read(COUNTRY, s -> s.query(READ_FILE, r -> r.getLong(1),
          inside.toString()));
      assertThat(insideRows).containsExactly(2L);
      for (Path refused : List.of(outside, otherSnapshot, Path.of("/etc/passwd"))) {
        assertThatThrownBy(() -> wh.read(COUNTRY, s -> s.query(READ_FILE, r -> r.getLong(1),
            refused.toString())))
            .isInstanceOf(WarehouseException.class)
            .hasMessageContaining("Permission Error");
      }
    }
  }

  @Test
  void the_configuration_is_locked_against_later_set() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThatThrownBy(() -> wh.read(COUNTRY, s -> s.query(ENABLE_ACCESS, r -> 1)))
          .isInstanceOf(WarehouseException.class)
          .hasMessageContaining("enable_external_access.sql")
          .hasMessageContaining("locked");
    }
  }

  @Test
  void a_lake_path_with_comma_and_quote_is_served() {
    TestLake lake = TestLake.in(tmp.resolve("we,ird'lake")).activities("s1", 2024, 2).publish("s1");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(wh.tableCounts(COUNTRY)).containsExactly(entry(LakeTable.ACTIVITIES, 2L));
    }
  }

  @Test
  void views_have_the_parquet_columns_and_fact_tables_add_year() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      assertThat(columns(wh, LakeTable.REGIONS)).containsExactly("code", "name", "level", "valid_from");
      assertThat(columns(wh, LakeTable.ACTIVITIES)).containsExactly("activity_id", "unit",
          "region_code", "start_date", "activity_type", "participants", "year");
    }
  }

  @Test
  void a_lake_path_with_a_key_value_folder_is_refused_as_it_would_add_a_column() {
    TestLake lake = TestLake.in(tmp.resolve("env=prod").resolve("lake"))
        .activities("s1", 2024, 1).publish("s1");
    assertThatThrownBy(() -> Warehouse.open(Lake.at(lake.root())))
        .isInstanceOf(LakeException.class).hasMessageContaining("must not contain '='");
  }

  private static List<String> columns(Warehouse wh, LakeTable table) {
    return wh.read(COUNTRY, s -> s.query(COLUMNS_OF.withTable("table", table), r -> r.getString(1)));
  }

  @Test
  void a_query_past_its_timeout_is_cut_off() {
    TestLake lake = twoYearLake();
    WarehouseOptions oneSecond = WarehouseOptions.defaults().withQueryTimeout(Duration.ofSeconds(1));
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()), oneSecond)) {
      assertThatThrownBy(() -> wh.read(COUNTRY, s -> s.query(SLOW, r -> r.getLong(1))))
          .isInstanceOf(WarehouseBusyException.class).hasMessageContaining("slow.sql");
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.ACTIVITIES, 8L);
    }
  }

  @Test
  void a_timed_out_statement_gives_its_connection_back() {
    TestLake lake = twoYearLake();
    // one connection: the read after the timeout can only run if the cut-off one was given back
    WarehouseOptions one = WarehouseOptions.defaults().withPoolSize(1).withQueryTimeout(Duration.ofSeconds(1));
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()), one)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> wh.read(COUNTRY, s -> s.query(SLOW, r -> r.getLong(1))))
          .isInstanceOf(WarehouseBusyException.class).hasMessageContaining("ran longer than 1 s");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      assertThat(wh.tableCounts(COUNTRY)).containsEntry(LakeTable.ACTIVITIES, 8L);
      List<Integer> years = wh.read(COUNTRY, s -> s.query(ACTIVITY_YEARS, r -> r.getInt("year"), 0L));
      assertThat(years).containsExactly(2023, 2024);
    }
  }

  @Test
  void a_read_that_finds_no_free_connection_in_time_says_how_long_it_waited() {
    TestLake lake = twoYearLake();
    WarehouseOptions two = new WarehouseOptions(2, WarehouseOptions.INTERACTIVE_TIMEOUT, Duration.ofMillis(250),
        WarehouseOptions.DEFAULT_MEMORY_LIMIT_MIB, 1, WarehouseOptions.defaults().serving());
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()), two)) {
      // two reads hold both connections while a third asks for one
      assertThatThrownBy(() -> wh.read(COUNTRY, a -> wh.read(COUNTRY, b -> wh.read(COUNTRY, c -> 1))))
          .isInstanceOf(WarehouseBusyException.class)
          .hasMessage("all 2 warehouse connections stayed busy for 0.25 s");
      List<Integer> years = wh.read(COUNTRY, s -> s.query(ACTIVITY_YEARS, r -> r.getInt("year"), 0L));
      assertThat(years).containsExactly(2023, 2024);
    }
  }

  @Test
  void counts_the_statements_reads_run() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      long before = wh.statementsRun();
      wh.read(COUNTRY, s -> s.query(ACTIVITY_YEARS, r -> r.getInt("year"), 0L));
      assertThat(wh.statementsRun()).isEqualTo(before + 1);
    }
  }

  @Test
  void a_scoped_read_refuses_an_answer_that_does_not_say_how_to_cut_it() {
    TestLake lake = twoYearLake();
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      String all = wh.read(COUNTRY, s -> "every row");
      assertThat(all).isEqualTo("every row");
      assertThatThrownBy(() -> wh.read(new RegionScope("01"), s -> "every row"))
          .isInstanceOf(OutOfScopeException.class).hasMessageContaining("scoped to 01");
      // the snapshot's table sizes are no region's figures
      assertThat(wh.tableCounts(new RegionScope("01"))).containsEntry(LakeTable.ACTIVITIES, 8L);
    }
  }

  @Test
  void reads_after_close_are_refused() {
    TestLake lake = twoYearLake();
    Warehouse wh = Warehouse.open(Lake.at(lake.root()));
    SnapshotDatabase served = wh.servedDatabase();
    wh.close();
    assertThat(served.isClosed()).isTrue();
    assertThatThrownBy(() -> wh.tableCounts(COUNTRY)).isInstanceOf(IllegalStateException.class);
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("timed out waiting for the swap");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
