package vn.danvan.etl.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.lake.YearFolders;

/**
 * The month files of a fact table's year folders, on disk (no Spark): how Spark's month folders
 * become named files, which files a load links, and when a year must be rewritten whole.
 */
class MonthFilesTest {
  @TempDir
  Path tmp;

  @Test
  void the_month_folders_spark_writes_become_files_named_by_their_month_with_their_checksums() throws IOException {
    Path written = tmp.resolve("activities.by-month");
    file(written.resolve("year=2025/_month=3/part-0.zstd.parquet"), "a");
    file(written.resolve("year=2025/_month=3/.part-0.zstd.parquet.crc"), "c");
    file(written.resolve("year=2025/_month=11/part-1.zstd.parquet"), "b");
    file(written.resolve("year=2024/_month=12/part-2.zstd.parquet"), "d");
    Path out = tmp.resolve("activities");

    YearFolders.moveTagged(written, "year", "_month", m -> YearFolders.monthTag(Integer.parseInt(m)), out);

    assertThat(YearFolders.periods(out)).containsExactly("2024-12", "2025-03", "2025-11");
    assertThat(tree(out)).containsExactly("year=2024/m12-part-2.zstd.parquet", "year=2025/.m03-part-0.zstd.parquet.crc",
        "year=2025/m03-part-0.zstd.parquet", "year=2025/m11-part-1.zstd.parquet");
    assertThat(written).doesNotExist();
    assertThat(YearFolders.tag("m03-part-0.zstd.parquet")).isEqualTo("m03");
    assertThat(YearFolders.tag(".m11-part-1.zstd.parquet.crc")).isEqualTo("m11");
    assertThat(YearFolders.tag("p2025-Q4-part-1.zstd.parquet")).isEqualTo("p2025-Q4");
    assertThat(YearFolders.tag("part-00000-x.c000.zstd.parquet")).isEmpty();
  }

  @Test
  void a_load_links_the_other_years_whole_and_the_other_months_of_the_years_it_reaches() throws IOException {
    Path before = tmp.resolve("before");
    file(before.resolve("year=2024/m01-part-0.parquet"), "2024-01");
    file(before.resolve("year=2024/m02-part-0.parquet"), "2024-02");
    file(before.resolve("year=2025/m03-part-0.parquet"), "2025-03");
    file(before.resolve("year=2025/.m03-part-0.parquet.crc"), "crc");
    file(before.resolve("year=2025/m11-part-0.parquet"), "2025-11 old");
    Path out = tmp.resolve("out");
    file(out.resolve("year=2025/m11-part-9.parquet"), "2025-11 new");

    YearFolders.Linked linked = YearFolders.linkOthers(before, out, Set.of(), java.util.Map.of(2025, Set.of("m11")));

    assertThat(linked.years()).containsExactly(2024);
    assertThat(linked.files()).extracting(p -> out.relativize(p).toString()).containsExactlyInAnyOrder(
        "year=2024/m01-part-0.parquet", "year=2024/m02-part-0.parquet", "year=2025/m03-part-0.parquet");
    assertThat(tree(out)).containsExactly("year=2024/m01-part-0.parquet", "year=2024/m02-part-0.parquet",
        "year=2025/.m03-part-0.parquet.crc", "year=2025/m03-part-0.parquet", "year=2025/m11-part-9.parquet");
    assertThat(Files.isSameFile(out.resolve("year=2025/m03-part-0.parquet"), before.resolve("year=2025/m03-part-0.parquet")))
        .as("a link, not a copy").isTrue();
    assertThat(Files.readString(out.resolve("year=2025/m11-part-9.parquet"))).isEqualTo("2025-11 new");
  }

  @Test
  void a_year_written_before_months_were_files_is_rewritten_whole_and_never_linked_by_month() throws IOException {
    Path before = tmp.resolve("before");
    file(before.resolve("year=2023/part-00000-x.c000.zstd.parquet"), "any month of 2023");
    file(before.resolve("year=2025/m11-part-0.parquet"), "2025-11");

    YearPartitions.Scope scope = YearPartitions.Scope.of(Set.of(202305, 202511, 202512), Table.ACTIVITIES, before);
    assertThat(scope.wholeYears()).containsExactly(2023);
    assertThat(scope.months()).containsExactly(202511, 202512);
    assertThat(scope.years()).containsExactly(2023, 2025);
    // models are dated by year: their years are always rewritten whole
    assertThat(YearPartitions.Scope.of(Set.of(202500), Table.MODELS, before).wholeYears()).containsExactly(2025);

    assertThat(scope.tags()).isEqualTo(java.util.Map.of(2025, Set.of("m11", "m12")));
    assertThatThrownBy(() -> YearFolders.linkOthers(before, tmp.resolve("out"), Set.of(),
        java.util.Map.of(2023, Set.of("m05")))).hasMessageContaining("holds no one part of its year");
  }

  private static void file(Path p, String content) throws IOException {
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static List<String> tree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }
}
