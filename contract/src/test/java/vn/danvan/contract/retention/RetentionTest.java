package vn.danvan.contract.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeLock;
import vn.danvan.contract.intake.Submission;
import vn.danvan.contract.intake.SubmissionState;
import vn.danvan.contract.intake.Submissions;
import vn.danvan.contract.release.Releases;

class RetentionTest {
  private static final List<String> IDS = List.of("20250101T000000000Z-00000001", "20250201T000000000Z-00000002",
      "20250301T000000000Z-00000003", "20250401T000000000Z-00000004", "20250501T000000000Z-00000005");

  @TempDir Path root;
  private Lake lake;

  /** Five snapshots of 1,000 bytes each, one file shared by hard link between the 4th and 5th. */
  @BeforeEach
  void fiveSnapshots() throws Exception {
    lake = Lake.at(root);
    for (String id : IDS) {
      Path table = Files.createDirectories(lake.snapshot(id).resolve("activities/year=2024"));
      Files.write(table.resolve("part-0.parquet"), new byte[1000]);
    }
    Path shared = lake.snapshot(IDS.get(3)).resolve("regions/part-0.parquet");
    Files.createDirectories(shared.getParent());
    Files.write(shared, new byte[300]);
    Files.createDirectories(lake.snapshot(IDS.get(4)).resolve("regions"));
    Files.createLink(lake.snapshot(IDS.get(4)).resolve("regions/part-0.parquet"), shared);
    Files.writeString(lake.currentFile(), IDS.get(4), StandardCharsets.UTF_8);
  }

  @Test
  void duCountsSharedFilesOnceAndSaysWhatEachSnapshotHoldsAlone() {
    DiskUsage usage = DiskUsage.of(lake);

    assertThat(usage.of(IDS.get(3))).isEqualTo(new DiskUsage.Snapshot(IDS.get(3), 2, 1300, 1000, 300));
    assertThat(usage.of(IDS.get(4))).isEqualTo(new DiskUsage.Snapshot(IDS.get(4), 2, 1300, 1000, 300));
    assertThat(usage.of(IDS.get(0))).isEqualTo(new DiskUsage.Snapshot(IDS.get(0), 1, 1000, 1000, 0));
    assertThat(usage.onDisk()).isEqualTo(5 * 1000 + 300);
  }

  @Test
  void gcKeepsCurrentTheNewestAndReleasesAndRemovesTheRest() {
    Releases.of(lake).create("tong-ket-2024", IDS.get(0), "Tổng kết 2024", "admin", Instant.EPOCH);

    Retention.Result r = Retention.collect(lake, 2, false);

    assertThat(r.decisions()).extracting(Retention.Decision::reason)
        .containsExactly("release tong-ket-2024", "old", "old", "among the 2 newest", "current");
    assertThat(lake.snapshotIds()).containsExactly(IDS.get(0), IDS.get(3), IDS.get(4));
    assertThat(r.bytesFreed()).isEqualTo(2000);
    assertThat(Releases.of(lake).verify("tong-ket-2024").holds()).isTrue();
    assertThat(root.resolve(Retention.TRASH)).doesNotExist();
  }

  @Test
  void aDryRunRemovesNothing() {
    Retention.Result r = Retention.collect(lake, 1, true);

    assertThat(r.removed()).extracting(Retention.Decision::snapshot).containsExactly(IDS.get(0), IDS.get(1),
        IDS.get(2), IDS.get(3));
    // the 4th shares its regions file with the current one: removing it frees only its own 1,000 bytes
    assertThat(r.bytesFreed()).isEqualTo(4000);
    assertThat(lake.snapshotIds()).hasSize(5);
  }

  @Test
  void aSnapshotAReaderHoldsIsKeptUntilTheReaderLetsGo() {
    try (ReaderLease reading = ReaderLease.take(lake, IDS.get(1));
        ReaderLease again = ReaderLease.take(lake, IDS.get(1))) {
      Retention.Result r = Retention.collect(lake, 1, false);
      assertThat(r.decisions().get(1)).isEqualTo(new Retention.Decision(IDS.get(1), false, "held by a reader", 0));
      assertThat(lake.snapshotIds()).containsExactly(IDS.get(1), IDS.get(4));
    }
    Retention.collect(lake, 1, false);
    assertThat(lake.snapshotIds()).containsExactly(IDS.get(4));
  }

  @Test
  void whileALoadRunsItsStagingStaysAndOldSnapshotsStillGo() throws Exception {
    Path staging = Files.createDirectories(lake.staging("20250601T000000000Z-00000006").resolve("activities"));
    try (LakeLock load = LakeLock.acquire(lake)) {
      Retention.Result r = Retention.collect(lake, 1, false);
      assertThat(r.loadRunning()).isTrue();
      assertThat(r.stagingRemoved()).isEmpty();
      assertThat(staging).exists();
      assertThat(lake.snapshotIds()).containsExactly(IDS.get(4));
    }
    Retention.Result after = Retention.collect(lake, 1, false);
    assertThat(after.stagingRemoved()).containsExactly("20250601T000000000Z-00000006");
    assertThat(staging).doesNotExist();
  }

  @Test
  void trashLeftByAKilledCleanUpIsEmptiedAndKeepMustKeepOne() throws Exception {
    Files.createDirectories(root.resolve(Retention.TRASH).resolve("old/activities"));

    Retention.collect(lake, 5, false);

    assertThat(root.resolve(Retention.TRASH)).doesNotExist();
    assertThat(lake.snapshotIds()).hasSize(5);
    assertThatThrownBy(() -> Retention.collect(lake, 0, true)).hasMessageContaining("--keep must be 1 or more");
  }

  @Test
  void aSubmissionLoadedByARemovedSnapshotStaysLoaded() throws Exception {
    Path file = Files.writeString(root.resolve("report_values-2024.csv"), "id\n");
    Submissions store = Submissions.of(lake);
    Submission sent = store.submit(List.of(file), "reporter.hn", "01", Instant.EPOCH, 0);
    String listing = "{\"snapshot\":\"%s\",\"previous\":%s,\"submissions\":{%s}}";
    String counts = "\"" + sent.id() + "\":{\"report_values\":{\"read\":3,\"landed\":2,\"quarantined\":1}}";
    for (int i = 0; i < IDS.size(); i++) {
      Files.writeString(lake.snapshot(IDS.get(i)).resolve(Lake.REPORT), String.format(listing, IDS.get(i),
          i == 0 ? "null" : "\"" + IDS.get(i - 1) + "\"", i == 1 ? counts : ""));
    }
    assertThat(store.find(sent.id()).orElseThrow().state()).isEqualTo(SubmissionState.LOADED);

    Retention.collect(lake, 1, false);

    assertThat(lake.snapshotIds()).containsExactly(IDS.get(4));
    Submission after = store.find(sent.id()).orElseThrow();
    assertThat(after.state()).isEqualTo(SubmissionState.LOADED);
    assertThat(after.snapshot()).isEqualTo(IDS.get(1));
    assertThat(store.pending()).isEmpty();
  }

  /**
   * Two snapshots staged from CURRENT (the 5th) whose loads were killed between their renames, one
   * of them pinned by a release; the 4th, whose {@code previous} is the 3rd, was current once.
   */
  @Test
  void aSnapshotThatWasNeverCurrentGoesWithTheNextCleanUpUnlessAReleasePinsIt() throws Exception {
    String report = "{\"previous\":%s,\"submissions\":{\"sub-1\":{}}}";
    for (int i = 0; i < IDS.size(); i++) {
      Files.writeString(lake.snapshot(IDS.get(i)).resolve(Lake.REPORT),
          String.format(report, i == 0 ? "null" : "\"" + IDS.get(i - 1) + "\""));
    }
    List<String> killed = List.of("20250601T000000000Z-00000006", "20250701T000000000Z-00000007");
    for (String id : killed) {
      Files.createDirectories(lake.snapshot(id).resolve("activities"));
      Files.writeString(lake.snapshot(id).resolve(Lake.REPORT), String.format(report, "\"" + IDS.get(4) + "\""));
    }
    Releases.of(lake).create("giu-lai", killed.get(1), "Giữ lại", "admin", Instant.EPOCH);

    assertThat(Retention.neverCurrent(lake)).containsExactlyElementsOf(killed);
    try (LakeLock load = LakeLock.acquire(lake)) {
      assertThat(Retention.removeNeverCurrent(lake)).containsExactly(killed.get(0));
    }
    assertThat(lake.snapshotIds()).containsExactly(IDS.get(0), IDS.get(1), IDS.get(2), IDS.get(3), IDS.get(4),
        killed.get(1));
    assertThat(root.resolve(Retention.TRASH)).doesNotExist();

    // gc removes one too, however new, but only while no load holds the lock
    Files.createDirectories(lake.snapshot(killed.get(0)));
    Files.writeString(lake.snapshot(killed.get(0)).resolve(Lake.REPORT), String.format(report, "\"" + IDS.get(4) + "\""));
    try (LakeLock load = LakeLock.acquire(lake)) {
      Retention.collect(lake, 7, false);
      assertThat(lake.snapshotIds()).contains(killed.get(0));
    }
    Retention.Result r = Retention.collect(lake, 7, false);
    assertThat(r.removed()).extracting(Retention.Decision::snapshot, Retention.Decision::reason)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(killed.get(0),
            "never current (its load was killed while publishing)"));
    assertThat(lake.snapshotIds()).hasSize(6).doesNotContain(killed.get(0));
  }

  @Test
  void withNothingCurrentEverySnapshotWithAReportWasNeverCurrent() throws Exception {
    Files.delete(lake.currentFile());
    Files.writeString(lake.snapshot(IDS.get(0)).resolve(Lake.REPORT), "{\"previous\":null}");
    Files.writeString(lake.snapshot(IDS.get(1)).resolve(Lake.REPORT), "{\"previous\":\"" + IDS.get(0) + "\"}");

    assertThat(Retention.neverCurrent(lake)).containsExactly(IDS.get(0));
  }
}
