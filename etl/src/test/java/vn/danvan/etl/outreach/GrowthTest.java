package vn.danvan.etl.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.PostAge;
import vn.danvan.etl.outreach.Growth.AtAge;
import vn.danvan.etl.outreach.Growth.Result;
import vn.danvan.etl.outreach.Growth.Snapshot;

/** A post's totals and counts at each age, worked out by hand from its snapshots. */
class GrowthTest {
  static final long T0 = 1_557_367_200L; // 2019-05-09 09:00 Vietnam time
  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  /** Given out of order, as files may hold them; the 72 h one is below the 48 h one. */
  static final List<Snapshot> SNAPSHOTS = List.of(
      new Snapshot(T0 + 8 * DAY, 12, 6, 80, 900L),
      new Snapshot(T0 + 2 * HOUR, 4, 3, 30, null),
      new Snapshot(T0 + 3 * DAY, 9, 6, 50, 1_000L),
      new Snapshot(T0 + HOUR / 2, 2, 1, 10, null),
      new Snapshot(T0 + 2 * DAY, 10, 5, 60, null));

  @Test
  void totals_are_the_largest_counts_any_snapshot_saw() {
    // shares max(12, 4, 9, 2, 10) = 12; comments 6; reactions 80; views max(900, 1000) = 1000:
    // the lower 72 h shares (9 < 10) and 8 d views (900 < 1000) do not shrink anything
    Result r = Growth.of(T0, SNAPSHOTS);
    assertThat(r.snapshots()).isEqualTo(5);
    assertThat(r.shares()).isEqualTo(12);
    assertThat(r.comments()).isEqualTo(6);
    assertThat(r.reactions()).isEqualTo(80);
    assertThat(r.views()).isEqualTo(1_000L);
    assertThat(r.interactions()).isEqualTo(12 + 6 + 80);
  }

  @Test
  void one_hour_interpolates_between_the_snapshots_at_30_minutes_and_2_hours() {
    // f = (3600 - 1800) / (7200 - 1800) = 1/3: shares 2 + 2/3, comments 1 + 2/3, reactions 10 + 20/3
    AtAge a = Growth.of(T0, SNAPSHOTS).at(PostAge.H1);
    assertThat(a.covered()).isTrue();
    assertThat(a.shares()).isCloseTo(2 + 2.0 / 3, within(1e-9));
    assertThat(a.comments()).isCloseTo(1 + 2.0 / 3, within(1e-9));
    assertThat(a.reactions()).isCloseTo(10 + 20.0 / 3, within(1e-9));
    assertThat(a.interactions()).isCloseTo(13 + 24.0 / 3, within(1e-9));
  }

  @Test
  void twenty_four_hours_interpolates_between_2_hours_and_2_days() {
    // f = (86400 - 7200) / (172800 - 7200) = 79200 / 165600; interactions 37 + 38 f
    double f = 79_200.0 / 165_600.0;
    AtAge a = Growth.of(T0, SNAPSHOTS).at(PostAge.H24);
    assertThat(a.shares()).isCloseTo(4 + 6 * f, within(1e-9));
    assertThat(a.comments()).isCloseTo(3 + 2 * f, within(1e-9));
    assertThat(a.reactions()).isCloseTo(30 + 30 * f, within(1e-9));
    assertThat(a.interactions()).isCloseTo(37 + 38 * f, within(1e-9));
  }

  @Test
  void seven_days_interpolates_from_the_running_maximum_not_the_lower_snapshot() {
    // at 72 h the running maxima are shares 10 (not 9), comments 6, reactions 60 (not 50);
    // f = (7 - 3) / (8 - 3) = 0.8: shares 10 + 2 x 0.8, comments 6, reactions 60 + 20 x 0.8
    AtAge a = Growth.of(T0, SNAPSHOTS).at(PostAge.D7);
    assertThat(a.shares()).isCloseTo(11.6, within(1e-9));
    assertThat(a.comments()).isCloseTo(6.0, within(1e-9));
    assertThat(a.reactions()).isCloseTo(76.0, within(1e-9));
    assertThat(a.interactions()).isCloseTo(93.6, within(1e-9));
  }

  @Test
  void publishing_is_a_snapshot_of_zeros_and_an_age_after_the_last_snapshot_is_not_covered() {
    // first snapshot at 3 h: 3 shares, 0 comments, 9 reactions; at 1 h, 1/3 of them
    Result r = Growth.of(T0, List.of(new Snapshot(T0 + 3 * HOUR, 3, 0, 9, null),
        new Snapshot(T0 + 2 * DAY, 5, 1, 20, null)));
    assertThat(r.at(PostAge.H1).shares()).isCloseTo(1.0, within(1e-9));
    assertThat(r.at(PostAge.H1).reactions()).isCloseTo(3.0, within(1e-9));
    assertThat(r.at(PostAge.H24).covered()).isTrue();
    assertThat(r.at(PostAge.D7).covered()).isFalse();
    assertThat(r.at(PostAge.D7).interactions()).isNull();
    assertThat(r.views()).isNull();
  }

  @Test
  void a_snapshot_exactly_at_the_age_is_its_value() {
    Result r = Growth.of(T0, List.of(new Snapshot(T0 + DAY, 7, 2, 40, null), new Snapshot(T0 + 9 * DAY, 8, 2, 41, null)));
    assertThat(r.at(PostAge.H24).interactions()).isEqualTo(49.0);
  }

  @Test
  void refuses_a_post_without_snapshots_and_negative_counts() {
    assertThatThrownBy(() -> Growth.of(T0, List.of())).hasMessageContaining("at least one snapshot");
    assertThatThrownBy(() -> new Snapshot(T0, -1, 0, 0, null)).hasMessageContaining("never negative");
  }
}
