package vn.danvan.warehouse.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.warehouse.testlake.TestLake;

class LakeTest {
  @TempDir Path tmp;

  @Test
  void a_lake_without_current_has_no_snapshot() {
    Lake lake = Lake.at(tmp.resolve("not-yet-created"));
    assertThat(lake.current()).isEmpty();
    assertThat(lake.snapshots()).isEmpty();
  }

  @Test
  void current_resolves_to_the_snapshot_folder_it_names() {
    TestLake.in(tmp).regions("20250102T030405006Z-0a1b2c3d", 1).publish("20250102T030405006Z-0a1b2c3d");
    SnapshotRef current = Lake.at(tmp).current().orElseThrow();
    assertThat(current.id()).isEqualTo("20250102T030405006Z-0a1b2c3d");
    assertThat(current.dir()).isEqualTo(tmp.toAbsolutePath().resolve("snapshots/20250102T030405006Z-0a1b2c3d"));
    assertThat(current.tableDir(LakeTable.REGIONS)).isDirectory();
  }

  @Test
  void an_id_in_the_etl_form_carries_the_load_time() {
    SnapshotRef ref = Lake.at(tmp).snapshot("20250102T030405006Z-0a1b2c3d");
    assertThat(ref.createdAt()).contains(Instant.parse("2025-01-02T03:04:05.006Z"));
    assertThat(Lake.at(tmp).snapshot("s1").createdAt()).isEmpty();
  }

  @Test
  void current_naming_a_path_outside_the_lake_is_refused() throws Exception {
    Files.writeString(tmp.resolve("CURRENT"), "../../etc\n");
    assertThatThrownBy(() -> Lake.at(tmp).current())
        .isInstanceOf(LakeException.class).hasMessageContaining("invalid snapshot id: '../../etc'");
  }

  @Test
  void current_naming_a_missing_snapshot_is_an_error_not_an_empty_lake() throws Exception {
    Files.writeString(tmp.resolve("CURRENT"), "s9");
    assertThatThrownBy(() -> Lake.at(tmp).current())
        .isInstanceOf(LakeException.class).hasMessageContaining("s9").hasMessageContaining("not a directory");
  }

  @Test
  void snapshots_are_listed_oldest_first() {
    TestLake lake = TestLake.in(tmp)
        .regions("20250301T000000000Z-00000002", 1)
        .regions("20240101T000000000Z-00000001", 1);
    assertThat(Lake.at(lake.root()).snapshots()).extracting(SnapshotRef::id)
        .containsExactly("20240101T000000000Z-00000001", "20250301T000000000Z-00000002");
  }

  @Test
  void the_load_report_is_read_as_json() {
    TestLake lake = TestLake.in(tmp).regions("s1", 1)
        .loadReport("s1", "{\"tables\":{\"regions\":{\"read\":3,\"landed\":1,"
            + "\"quarantined\":{\"unknown_region\":2}}}}");
    Lake l = Lake.at(lake.root());
    LoadReport report = l.loadReport(l.snapshot("s1")).orElseThrow();
    assertThat(report.snapshotId()).isEqualTo("s1");
    assertThat(report.json().at("/tables/regions/quarantined/unknown_region").asInt()).isEqualTo(2);
    assertThat(l.loadReport(l.snapshot("s2"))).isEmpty();
  }

  @Test
  void a_load_report_that_is_not_json_names_its_file() {
    TestLake lake = TestLake.in(tmp).regions("s1", 1).loadReport("s1", "{oops");
    Lake l = Lake.at(lake.root());
    assertThatThrownBy(() -> l.loadReport(l.snapshot("s1")))
        .isInstanceOf(LakeException.class).hasMessageContaining("_load_report.json");
  }
}
