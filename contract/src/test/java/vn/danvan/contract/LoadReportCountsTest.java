package vn.danvan.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.LoadReport.Counts;

class LoadReportCountsTest {

  /**
   * A table's reasons come out in {@link Reason} order, however they were given: the load
   * report's JSON lists them so, and two loads' reports compare line by line. (They came out in
   * {@code Map.copyOf}'s order, which changes from one JVM to the next.)
   */
  @Test
  void a_tables_reasons_are_listed_in_reason_order_without_the_zeros() {
    Map<Reason, Long> given = new HashMap<>();
    List<Reason> reasons = Arrays.asList(Reason.values());
    for (int i = 0; i < reasons.size(); i++) {
      given.put(reasons.get(reasons.size() - 1 - i), (long) i);
    }
    long quarantined = given.values().stream().mapToLong(Long::longValue).sum();
    Counts counts = new Counts(100 + quarantined, 100, given, 100, Map.of());

    // the first reason was given 0 rows: it is dropped
    assertThat(List.copyOf(counts.quarantinedByReason().keySet())).isEqualTo(reasons.subList(0, reasons.size() - 1));
    assertThat(counts.quarantinedByReason().get(reasons.get(1))).isEqualTo(reasons.size() - 2L);
    assertThat(counts.quarantined()).isEqualTo(quarantined);
    assertThatThrownBy(() -> counts.quarantinedByReason().put(Reason.values()[0], 1L))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
