package vn.danvan.contract.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;

class ReleasesTest {
  private static final String SNAPSHOT = "20250102T030405006Z-0badcafe";
  private static final Instant AT = Instant.parse("2026-01-15T08:00:00Z");

  @TempDir Path root;
  private Lake lake;
  private Releases releases;

  @BeforeEach
  void snapshot() throws Exception {
    lake = Lake.at(root);
    Path dir = lake.snapshot(SNAPSHOT);
    Files.createDirectories(dir.resolve("report_values/year=2024"));
    Files.writeString(dir.resolve("report_values/year=2024/part-0.parquet"), "abc");
    Files.writeString(dir.resolve("_load_report.json"), "{}");
    releases = Releases.of(lake);
  }

  @Test
  void manifestHoldsEveryFileWithItsHash() {
    Release release = releases.create("tong-ket-2024", SNAPSHOT, "Tổng kết 2024", "admin", AT);

    assertThat(releases.manifest(release)).containsExactly(
        new ManifestEntry("_load_report.json", 2,
            "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"),
        new ManifestEntry("report_values/year=2024/part-0.parquet", 3,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    assertThat(release.files()).isEqualTo(2);
    assertThat(release.bytes()).isEqualTo(5);
    assertThat(releases.require("tong-ket-2024")).isEqualTo(release);
    assertThat(releases.list()).containsExactly(release);
    assertThat(releases.pinnedSnapshots()).containsExactly(SNAPSHOT);
    assertThat(releases.verify("tong-ket-2024").holds()).isTrue();
    assertThat(releases.verify("tong-ket-2024").checked()).isEqualTo(2);
  }

  @Test
  void verifyNamesEveryChangedMissingAndAddedFile() throws Exception {
    releases.create("r1", SNAPSHOT, "t", "admin", AT);
    Path dir = lake.snapshot(SNAPSHOT);
    Files.writeString(dir.resolve("report_values/year=2024/part-0.parquet"), "abd");
    Files.delete(dir.resolve("_load_report.json"));
    Files.writeString(dir.resolve("extra.parquet"), "x");

    Verification check = releases.verify("r1");

    assertThat(check.holds()).isFalse();
    // in manifest (path) order, then the files that were not frozen
    assertThat(check.problems()).containsExactly("missing: _load_report.json",
        "changed: report_values/year=2024/part-0.parquet", "added: extra.parquet");
  }

  @Test
  void aTamperedManifestIsFound() throws Exception {
    releases.create("r1", SNAPSHOT, "t", "admin", AT);
    Path manifest = releases.dir().resolve("r1").resolve(Releases.MANIFEST);
    Files.writeString(manifest, Files.readString(manifest).replace("\t3\t", "\t4\t"), StandardCharsets.UTF_8);

    assertThat(releases.verify("r1").problems()).contains("changed: manifest.tsv (the manifest itself)");
  }

  @Test
  void aReleaseIsNeverReplaced() {
    releases.create("r1", SNAPSHOT, "first", "admin", AT);

    assertThatThrownBy(() -> releases.create("r1", SNAPSHOT, "second", "admin", AT))
        .isInstanceOf(ReleaseException.class).hasMessageContaining("exists already");
    assertThat(releases.require("r1").title()).isEqualTo("first");
  }

  @Test
  void unknownNamesAndSnapshotsAreRefusedWithWhatThereIs() {
    releases.create("r1", SNAPSHOT, "t", "admin", AT);

    assertThatThrownBy(() -> releases.require("r2")).hasMessageContaining("no release named 'r2'")
        .hasMessageContaining("releases: r1");
    assertThatThrownBy(() -> releases.create("r2", "20250102T030405006Z-00000000", "t", "admin", AT))
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> releases.create("../x", SNAPSHOT, "t", "admin", AT))
        .hasMessageContaining("not a release name");
    assertThat(releases.find("../x")).isEmpty();
    assertThat(Files.exists(releases.dir().resolve("r2"))).isFalse();
  }
}
