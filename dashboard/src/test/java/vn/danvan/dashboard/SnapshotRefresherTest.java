package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeTable;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.testlake.TestLake;

class SnapshotRefresherTest {
  @TempDir Path tmp;

  @Test
  void moves_the_warehouse_to_a_newly_published_snapshot() {
    TestLake lake = TestLake.in(tmp).regions("s1", 1).publish("s1");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      SnapshotRefresher refresher = new SnapshotRefresher(wh);
      lake.regions("s2", 3).publish("s2");
      refresher.run();
      assertThat(wh.snapshotId()).contains("s2");
      assertThat(wh.tableCounts(RegionScope.country())).containsEntry(LakeTable.REGIONS, 3L);
    }
  }

  @Test
  void a_broken_current_keeps_the_old_snapshot_and_the_task_alive() throws Exception {
    TestLake lake = TestLake.in(tmp).regions("s1", 1).publish("s1");
    try (Warehouse wh = Warehouse.open(Lake.at(lake.root()))) {
      SnapshotRefresher refresher = new SnapshotRefresher(wh);
      Files.writeString(lake.root().resolve("CURRENT"), "s9\n");
      refresher.run();
      assertThat(wh.snapshotId()).contains("s1");
      assertThat(refresher.lastFailure()).contains("s9");

      lake.regions("s2", 2).publish("s2");
      refresher.run();
      assertThat(wh.snapshotId()).contains("s2");
      assertThat(refresher.lastFailure()).isNull();
    }
  }
}
