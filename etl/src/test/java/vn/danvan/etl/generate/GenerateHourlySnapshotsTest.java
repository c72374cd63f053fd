package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Table;
import vn.danvan.etl.generate.LandingReader.LandingRow;

/** {@code --snapshots hourly}: every hour for the first day, then daily to day 30, cumulative. */
class GenerateHourlySnapshotsTest {
  @Test
  void snapshots_each_post_hourly_for_a_day_then_daily_to_day_30(@TempDir Path out) throws Exception {
    Fixtures.generate(new GenerateConfig(out, 2024, 2024, 0.02, 7, GenerateConfig.Format.CSV, Fixtures.reference(),
        "test", GenerateConfig.Cadence.HOURLY));
    Set<String> planted = Fixtures.planted(out);
    Map<String, OffsetDateTime> published = new HashMap<>();
    for (LandingRow p : Fixtures.good(out, planted, Table.POSTS)) {
      published.put(p.values()[0], OffsetDateTime.parse(p.values()[6]));
    }
    Map<String, List<long[]>> byPost = new HashMap<>();
    for (LandingRow m : Fixtures.good(out, planted, Table.POST_METRICS)) {
      OffsetDateTime at = published.get(m.values()[0]);
      if (at != null) {
        byPost.computeIfAbsent(m.values()[0], k -> new ArrayList<>()).add(new long[] {
            Duration.between(at, OffsetDateTime.parse(m.values()[1])).toMinutes(), Long.parseLong(m.values()[4])});
      }
    }
    // 1 h, 2 h, ..., 24 h, then days 2 to 30: 53 snapshots
    List<Long> expected = new ArrayList<>();
    for (long h = 1; h <= 24; h++) {
      expected.add(h * 60);
    }
    for (long d = 2; d <= 30; d++) {
      expected.add(d * 1440);
    }
    // about 3.5 % of metric rows are planted bad ones (left out here), so a post keeps ~51 of its 53
    long kept = 0;
    int drops = 0;
    for (List<long[]> snaps : byPost.values()) {
      snaps.sort((x, y) -> Long.compare(x[0], y[0]));
      assertThat(expected).containsAll(snaps.stream().map(x -> x[0]).toList());
      kept += snaps.size();
      for (int i = 1; i < snaps.size(); i++) {
        if (snaps.get(i)[1] < snaps.get(i - 1)[1]) {
          drops++;
          break;
        }
      }
    }
    assertThat(byPost).hasSizeGreaterThan(500);
    assertThat((double) kept / byPost.size()).isBetween(49.0, 53.0);
    // about 3 % of posts lose a few reactions at one snapshot
    assertThat(drops).isPositive().isLessThan(byPost.size() / 10);
  }
}
