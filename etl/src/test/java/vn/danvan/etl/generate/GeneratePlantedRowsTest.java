package vn.danvan.etl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.contract.Reason;
import vn.danvan.contract.Table;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.etl.generate.LoaderRules.Verdict;

/**
 * The planted rows are exactly the rows a loader applying the contract's checks rejects, each for
 * the one reason {@code _planted.csv} states; about 0.5 % of each fact table per way.
 */
class GeneratePlantedRowsTest {
  @TempDir
  static Path out;
  private static Manifest manifest;
  private static List<Verdict> verdicts;
  private static Set<String> planted;

  @BeforeAll
  static void generateAcrossTheReform() throws Exception {
    manifest = Fixtures.generate(Fixtures.config(out, "2024-2025", 0.08, 7, Fixtures.reference()));
    verdicts = LoaderRules.check(out);
    planted = new HashSet<>();
    List<List<String>> lines = ContractCsvReader.read(out.resolve("_planted.csv")).stream()
        .map(ContractCsvReader.Row::fields).toList();
    assertThat(lines.get(0)).containsExactly("table", "row_key", "reason");
    lines.subList(1, lines.size()).forEach(l -> planted.add(String.join(",", l)));
    assertThat(planted).hasSize(lines.size() - 1);
  }

  @Test
  void every_rejected_row_fails_exactly_one_check() {
    List<Verdict> rejectedTwice = verdicts.stream().filter(v -> v.failed().size() > 1).toList();
    assertThat(rejectedTwice).as("rows failing more than one check").extracting(
        v -> v.table().folder() + " " + v.key() + " " + v.failed()).isEmpty();
  }

  @Test
  void the_rejected_rows_are_exactly_the_planted_ones_with_their_reasons() {
    Set<String> rejected = verdicts.stream().filter(v -> !v.failed().isEmpty())
        .map(v -> v.table().folder() + "," + v.key() + "," + v.failed().get(0).code())
        .collect(Collectors.toSet());
    assertThat(rejected).as("rejected but not planted").isSubsetOf(planted);
    assertThat(planted).as("planted but not rejected (or for another reason)").isSubsetOf(rejected);
  }

  @Test
  void about_half_a_percent_of_each_fact_table_is_planted_per_way() {
    for (Table t : List.of(Table.REPORT_VALUES, Table.ACTIVITIES, Table.MODELS, Table.POSTS,
        Table.POST_METRICS)) {
      Map<Reason, Long> byReason = verdicts.stream().filter(v -> v.table() == t && !v.failed().isEmpty())
          .collect(Collectors.groupingBy(v -> v.failed().get(0), Collectors.counting()));
      long rows = manifest.rows(t);
      assertThat(rows).as(t.folder()).isGreaterThan(2_000);
      assertThat(byReason.keySet()).as(t.folder()).hasSizeGreaterThanOrEqualTo(7);
      // a formula without its result can only be planted in the workbooks, a few rows of a table
      byReason.forEach((reason, n) -> assertThat(n / (double) rows).as(t.folder() + " " + reason)
          .isBetween(reason == Reason.FORMULA_WITHOUT_RESULT ? 0 : 0.0015, 0.009));
      assertThat(manifest.planted(t)).isEqualTo(byReason.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  @Test
  void every_way_of_the_contract_is_planted_somewhere() {
    Set<Reason> seen = verdicts.stream().filter(v -> !v.failed().isEmpty()).map(v -> v.failed().get(0))
        .collect(Collectors.toSet());
    assertThat(seen).containsExactlyInAnyOrder(Reason.values());
  }

  @Test
  void reference_tables_and_population_are_clean() {
    for (Table t : List.of(Table.REGIONS, Table.REGION_LINEAGE, Table.POPULATION, Table.SURVEY_WAVES,
        Table.SURVEY_QUESTIONS)) {
      assertThat(verdicts).filteredOn(v -> v.table() == t).isNotEmpty()
          .allSatisfy(v -> assertThat(v.failed()).as(t.folder() + " " + v.key()).isEmpty());
    }
  }

  @Test
  void duplicates_are_copies_of_landed_rows_in_the_last_file() {
    Map<String, Verdict> landed = new HashMap<>();
    verdicts.stream().filter(v -> v.failed().isEmpty()).forEach(v -> landed.put(v.table() + v.key(), v));
    List<Verdict> copies = verdicts.stream().filter(v -> v.failed().equals(List.of(Reason.DUPLICATE_ID))).toList();
    assertThat(copies).isNotEmpty().allSatisfy(v -> {
      assertThat(v.row().file()).isEqualTo(Layout.RESUBMITTED);
      assertThat(landed).containsKey(v.table() + v.key());
    });
  }

  @Test
  void a_bad_post_has_no_metrics_and_a_bad_campaign_is_never_referred_to() {
    Set<String> badPosts = verdicts.stream().filter(v -> v.table() == Table.POSTS && !v.failed().isEmpty()
        && !v.failed().contains(Reason.DUPLICATE_ID)).map(Verdict::key).collect(Collectors.toSet());
    assertThat(badPosts).isNotEmpty();
    assertThat(verdicts).filteredOn(v -> v.table() == Table.POST_METRICS)
        .noneMatch(v -> badPosts.contains(v.row().get("post_id")));
    Set<String> badCampaigns = verdicts.stream().filter(v -> v.table() == Table.CAMPAIGNS && !v.failed().isEmpty()
        && !v.failed().contains(Reason.DUPLICATE_ID)).map(Verdict::key).collect(Collectors.toSet());
    assertThat(verdicts).filteredOn(v -> v.table() == Table.ACTIVITIES || v.table() == Table.CAMPAIGN_TARGETS)
        .noneMatch(v -> badCampaigns.contains(v.row().get("campaign_code")));
  }
}
