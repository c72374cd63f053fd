package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTest {
  @TempDir Path tmp;

  /** A snapshot folder holding an (empty) regions table, as a load leaves it. */
  private Path snapshot(String id) throws IOException {
    return Files.createDirectories(tmp.resolve(Lake.SNAPSHOTS).resolve(id).resolve("regions"))
        .getParent();
  }

  private void publish(String id) throws IOException {
    Files.writeString(tmp.resolve(Lake.CURRENT), id + "\n");
  }

  @Test
  void a_lake_without_current_has_no_snapshot() {
    Lake lake = Lake.at(tmp.resolve("not-yet-created"));
    assertThat(lake.current()).isEmpty();
    assertThat(lake.published()).isEmpty();
    assertThat(lake.snapshots()).isEmpty();
  }

  @Test
  void current_resolves_to_the_snapshot_folder_it_names() throws IOException {
    snapshot("20250102T030405006Z-0a1b2c3d");
    publish("20250102T030405006Z-0a1b2c3d");
    SnapshotRef current = Lake.at(tmp).published().orElseThrow();
    assertThat(current.id()).isEqualTo("20250102T030405006Z-0a1b2c3d");
    assertThat(current.dir()).isEqualTo(tmp.toAbsolutePath().resolve("snapshots/20250102T030405006Z-0a1b2c3d"));
    assertThat(current.tableDir(LakeTable.REGIONS)).isDirectory();
    assertThat(Lake.at(tmp).current()).contains("20250102T030405006Z-0a1b2c3d");
  }

  @Test
  void an_id_in_the_etl_form_carries_the_load_time() {
    SnapshotRef ref = Lake.at(tmp).ref("20250102T030405006Z-0a1b2c3d");
    assertThat(ref.createdAt()).contains(Instant.parse("2025-01-02T03:04:05.006Z"));
    assertThat(Lake.at(tmp).ref("s1").createdAt()).isEmpty();
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
    assertThatThrownBy(() -> Lake.at(tmp).published())
        .isInstanceOf(LakeException.class).hasMessageContaining("s9").hasMessageContaining("not a directory");
  }

  @Test
  void snapshots_are_listed_oldest_first() throws IOException {
    snapshot("20250301T000000000Z-00000002");
    snapshot("20240101T000000000Z-00000001");
    assertThat(Lake.at(tmp).snapshots()).extracting(SnapshotRef::id)
        .containsExactly("20240101T000000000Z-00000001", "20250301T000000000Z-00000002");
  }

  @Test
  void the_load_report_is_read_as_json() throws IOException {
    Files.writeString(snapshot("s1").resolve(Lake.REPORT), "{\"tables\":{\"regions\":{\"read\":3,\"landed\":1,"
        + "\"quarantined\":{\"unknown_region\":2}}}}");
    Lake l = Lake.at(tmp);
    assertThat(l.loadReport(l.ref("s1")).orElseThrow().at("/tables/regions/quarantined/unknown_region").asInt())
        .isEqualTo(2);
    assertThat(l.loadReport(l.ref("s2"))).isEmpty();
  }

  @Test
  void a_load_report_that_is_not_json_names_its_file() throws IOException {
    Files.writeString(snapshot("s1").resolve(Lake.REPORT), "{oops");
    Lake l = Lake.at(tmp);
    assertThatThrownBy(() -> l.loadReport(l.ref("s1")))
        .isInstanceOf(LakeException.class).hasMessageContaining("_load_report.json");
  }

  @Test
  void the_lake_folder_is_the_option_else_the_environment_else_data_lake() {
    assertThat(Lake.folder(Path.of("/a"), Map.of(Lake.LAKE_ENV, "/b"))).isEqualTo(Path.of("/a"));
    assertThat(Lake.folder(null, Map.of(Lake.LAKE_ENV, "/b"))).isEqualTo(Path.of("/b"));
    assertThat(Lake.folder(null, Map.of())).isEqualTo(Path.of("data", "lake"));
  }

  @Test
  void every_landing_table_is_a_lake_table_with_the_same_folder_and_partitioning() {
    for (Table t : Table.values()) {
      LakeTable lt = LakeTable.forFolder(t.folder()).orElseThrow();
      assertThat(lt.partitionedByYear()).as(t.folder()).isEqualTo(t.partitioned());
    }
  }
}
