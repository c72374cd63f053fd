package vn.danvan.dashboard.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.release.Releases;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.testlake.TestLake;

/** Which releases' warehouses stay open: bounded, idle ones closed, none under a read. */
class ReleaseWarehousesTest {
  private static final String S1 = "20260101T000000000Z-00000001";
  private static final String S2 = "20260201T000000000Z-00000002";
  private static final String S3 = "20260301T000000000Z-00000003";
  private static final Duration IDLE = Duration.ofMinutes(10);

  @TempDir Path tmp;
  private final AtomicLong now = new AtomicLong();
  private Warehouse current;
  private ReleaseWarehouses registry;

  @BeforeEach
  void twoReleases() {
    // CURRENT is a third snapshot: both releases need a warehouse of their own
    TestLake.in(tmp).marts(S1, 3, 7).corrected(S1, S2).corrected(S1, S3).publish(S3);
    Releases releases = Releases.of(Lake.at(tmp));
    releases.create("r1", S1, "một", "os:lan", Instant.EPOCH);
    releases.create("r2", S2, "hai", "os:lan", Instant.EPOCH);
    current = Warehouse.open(Lake.at(tmp));
    registry = new ReleaseWarehouses(current, releases, 1, IDLE, now::get);
  }

  @AfterEach
  void close() {
    registry.close();
    current.close();
  }

  @Test
  void current_figures_need_no_release_and_an_unknown_name_is_not_found() {
    try (ReleaseWarehouses.Lease lease = registry.lease(" current ")) {
      assertThat(lease.warehouse()).isSameAs(current);
      assertThat(lease.release()).isEmpty();
    }
    assertThat(registry.lease(null).warehouse()).isSameAs(current);
    assertThatThrownBy(() -> registry.lease("r3")).isInstanceOf(NotFoundException.class)
        .hasMessage("release: no release named 'r3' (releases: r1, r2)");
    assertThat(registry.openNow()).isEmpty();
  }

  @Test
  void a_release_is_opened_once_kept_and_the_least_recently_used_closed_past_the_bound() {
    Warehouse first;
    try (ReleaseWarehouses.Lease lease = registry.lease("r1")) {
      first = lease.warehouse();
      assertThat(first.snapshotId()).contains(S1);
      assertThat(lease.release().orElseThrow().title()).isEqualTo("một");
    }
    try (ReleaseWarehouses.Lease again = registry.lease("r1")) {
      assertThat(again.warehouse()).isSameAs(first);
    }
    try (ReleaseWarehouses.Lease other = registry.lease("r2")) {
      assertThat(other.warehouse().snapshotId()).contains(S2);
      assertThat(registry.openNow()).containsExactly("r2");
    }
    assertThatThrownBy(() -> first.visibility(RegionScope.country())).hasMessage("warehouse is closed");
    assertThat(registry.leasesHeld()).isZero();
  }

  @Test
  void a_leased_warehouse_outlives_the_bound_and_an_idle_one_is_closed_at_the_next_request() {
    ReleaseWarehouses.Lease held = registry.lease("r1");
    try (ReleaseWarehouses.Lease other = registry.lease("r2")) {
      // two open for a moment: r1 is being read
      assertThat(registry.openNow()).containsExactlyInAnyOrder("r1", "r2");
      assertThat(held.warehouse().snapshotId()).contains(S1);
    }
    held.close();
    assertThat(registry.openNow()).hasSize(1);
    now.addAndGet(IDLE.toNanos() + 1);
    registry.lease("current").close();
    assertThat(registry.openNow()).isEmpty();
  }

  @Test
  void a_release_of_the_served_snapshot_reads_the_current_warehouse_and_opens_none() {
    Releases.of(Lake.at(tmp)).create("r3", S3, "ba", "os:lan", Instant.EPOCH);
    try (ReleaseWarehouses.Lease lease = registry.lease("r3")) {
      assertThat(lease.warehouse()).isSameAs(current);
      assertThat(lease.release().orElseThrow().title()).isEqualTo("ba");
    }
    assertThat(registry.openNow()).isEmpty();
  }
}
