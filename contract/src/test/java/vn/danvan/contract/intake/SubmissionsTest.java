package vn.danvan.contract.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LoadReport;
import vn.danvan.contract.LoadReport.RowCounts;
import vn.danvan.contract.Table;

/** The store alone: files kept unchanged, one submission per set of bytes, states derived from the lake. */
class SubmissionsTest {
  @TempDir Path tmp;
  private static final Instant AT = Instant.parse("2025-09-01T02:00:00Z");

  private Path file(String name, String text) throws Exception {
    Files.createDirectories(tmp.resolve("in"));
    return Files.writeString(tmp.resolve("in").resolve(name), text);
  }

  @Test
  void the_table_of_a_file_is_the_longest_table_folder_its_name_starts_with() {
    assertThat(Submissions.tableOf("campaign_targets-2025.xlsx")).contains(Table.CAMPAIGN_TARGETS);
    assertThat(Submissions.tableOf("campaigns.csv")).contains(Table.CAMPAIGNS);
    assertThat(Submissions.tableOf("Report_Values_Q1.CSV")).contains(Table.REPORT_VALUES);
    assertThat(Submissions.tableOf("post_metrics.jsonl")).contains(Table.POST_METRICS);
    assertThat(Submissions.tableOf("postsx.csv")).isEmpty();
    assertThat(Submissions.tableOf("Báo cáo.xlsx")).isEmpty();
  }

  @Test
  void the_same_bytes_are_one_submission_and_a_load_report_marks_it_loaded() throws Exception {
    Lake lake = Lake.at(tmp.resolve("lake"));
    Submissions store = Submissions.of(lake);
    Path a = file("report_values-a.csv", "report_id\nR1\n");
    Submission first = store.submit(List.of(a), "hanoi", "01", AT, 0);
    Path copy = file("report_values-renamed.csv", "report_id\nR1\n");
    Submission again = store.submit(List.of(copy), "other", "02", AT.plusSeconds(60), 3);
    assertThat(again).isEqualTo(first);
    assertThat(first.state()).isEqualTo(SubmissionState.PENDING);
    assertThat(store.list()).hasSize(1);
    assertThat(store.pending()).containsExactly(first);

    // a published snapshot whose report lists it: loaded there, with its counts
    String snapshot = "20250901T030000Z-abcd";
    Files.createDirectories(lake.snapshot(snapshot));
    ObjectNode report = new LoadReport(snapshot, null, java.time.LocalDate.of(2025, 9, 1), lake.submissionsDir(), AT, AT,
        Map.of(), Map.of(first.id(), Map.of(Table.REPORT_VALUES, new RowCounts(1, 1, 0)))).toJson();
    new ObjectMapper().writeValue(Lake.report(lake.snapshot(snapshot)).toFile(), report);
    assertThat(store.find(first.id()).orElseThrow().state()).as("not published yet").isEqualTo(SubmissionState.PENDING);
    Files.writeString(lake.currentFile(), snapshot + "\n");
    Submission loaded = store.find(first.id()).orElseThrow();
    assertThat(loaded.state()).isEqualTo(SubmissionState.LOADED);
    assertThat(loaded.snapshot()).isEqualTo(snapshot);
    assertThat(loaded.counts()).isEqualTo(Map.of(Table.REPORT_VALUES, new RowCounts(1, 1, 0)));
    assertThat(store.pending()).isEmpty();
    assertThatThrownBy(() -> store.refuse(first.id(), "x", AT)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void a_refused_submission_shows_its_reason_and_is_no_longer_pending() throws Exception {
    Submissions store = Submissions.of(Lake.at(tmp.resolve("lake")));
    Submission s = store.submit(List.of(file("posts.csv", "post_id,phone\nP1,0912\n")), "hanoi", "01", AT, 0);
    Submission refused = store.refuse(s.id(), "posts/posts.csv: column 'phone' looks like personal data", AT);
    assertThat(refused.state()).isEqualTo(SubmissionState.REFUSED);
    assertThat(refused.refusal()).contains("'phone'");
    assertThat(store.pending()).isEmpty();
    assertThat(store.bySubmitter("hanoi")).containsExactly(refused);
  }

  @Test
  void files_that_the_load_would_not_read_are_not_accepted() throws Exception {
    Submissions store = Submissions.of(Lake.at(tmp.resolve("lake")));
    assertThatThrownBy(() -> store.submit(List.of(file("bao-cao.xlsx", "x")), "hanoi", "01", AT, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with the table");
    assertThatThrownBy(() -> store.submit(List.of(file("report_values.docx", "x")), "hanoi", "01", AT, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.submit(List.of(file("report_values-empty.csv", "")), "hanoi", "01", AT, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty");
    assertThat(store.list()).isEmpty();
    try (var left = Files.list(store.dir())) {
      assertThat(left).as("nothing half-stored").isEmpty();
    }
  }
}
