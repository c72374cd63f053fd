package vn.danvan.etl.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeBusyException;
import vn.danvan.contract.LakeLock;
import vn.danvan.contract.SnapshotId;

class PublisherTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-09-30T01:02:03.456Z"), ZoneOffset.UTC);

  static String stage(Lake lake, String id) throws Exception {
    Files.createDirectories(lake.staging(id).resolve("posts"));
    Files.writeString(lake.staging(id).resolve("posts/part-0.parquet"), "rows");
    return id;
  }

  @Test
  void publishing_renames_the_staged_folder_and_points_current_at_it(@TempDir Path tmp) throws Exception {
    Lake lake = Lake.at(tmp);
    String first = stage(lake, SnapshotId.next(CLOCK, new SplittableRandom(1)));
    Publisher.publish(lake, first);
    assertThat(lake.current()).contains(first);
    assertThat(lake.snapshot(first).resolve("posts/part-0.parquet")).hasContent("rows");
    assertThat(lake.staging(first)).doesNotExist();
    assertThat(tmp.resolve("CURRENT")).hasContent(first + "\n");

    String second = stage(lake, SnapshotId.next(CLOCK, new SplittableRandom(2)));
    Publisher.publish(lake, second);
    assertThat(lake.current()).contains(second);
    assertThat(lake.snapshotIds()).containsExactlyInAnyOrder(first, second);
    assertThat(tmp.resolve("CURRENT.tmp")).doesNotExist();
  }

  @Test
  void cleaning_removes_what_killed_loads_left_in_staging(@TempDir Path tmp) throws Exception {
    Lake lake = Lake.at(tmp);
    stage(lake, SnapshotId.next(CLOCK, new SplittableRandom(3)));
    Files.writeString(tmp.resolve("CURRENT.tmp"), "half");
    Publisher.clearLeftovers(lake);
    try (var left = Files.list(lake.stagingDir())) {
      assertThat(left).isEmpty();
    }
    assertThat(tmp.resolve("CURRENT.tmp")).doesNotExist();
    assertThat(lake.current()).isEmpty();
  }

  /** A load killed between its two renames: its snapshot was never current, and the next load's cleaning removes it. */
  @Test
  void cleaning_removes_a_snapshot_whose_load_was_killed_before_current_switched(@TempDir Path tmp) throws Exception {
    Lake lake = Lake.at(tmp);
    String first = stage(lake, SnapshotId.next(CLOCK, new SplittableRandom(5)));
    Publisher.publish(lake, first);
    String killed = stage(lake, SnapshotId.next(CLOCK, new SplittableRandom(6)));
    Files.writeString(lake.staging(killed).resolve(Lake.REPORT), "{\"previous\":\"" + first + "\"}");
    Files.move(lake.staging(killed), lake.snapshot(killed));

    Publisher.clearLeftovers(lake);

    assertThat(lake.snapshotIds()).containsExactly(first);
    assertThat(lake.current()).contains(first);
  }

  @Test
  void snapshot_ids_sort_by_time_and_refuse_other_names() {
    String earlier = SnapshotId.next(CLOCK, new SplittableRandom(4));
    String later = SnapshotId.next(Clock.offset(CLOCK, java.time.Duration.ofMillis(1)),
        new SplittableRandom(4));
    assertThat(earlier).matches("20250930T010203456Z-[0-9a-f]{8}");
    assertThat(later).isGreaterThan(earlier);
    assertThat(SnapshotId.isValid("../etc")).isFalse();
    assertThatThrownBy(() -> Lake.at(Path.of("/lake")).snapshot("../etc"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("../etc");
  }

  @Test
  void a_second_load_cannot_take_the_lock_while_the_first_holds_it(@TempDir Path tmp) {
    Lake lake = Lake.at(tmp);
    try (LakeLock held = LakeLock.acquire(lake)) {
      assertThatThrownBy(() -> LakeLock.acquire(lake)).isInstanceOf(LakeBusyException.class)
          .hasMessageContaining(".lock");
    }
    try (LakeLock again = LakeLock.acquire(lake)) {
      assertThat(tmp.resolve(".lock")).exists();
    }
  }
}
