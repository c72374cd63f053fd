package vn.danvan.bench.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlTextTest {
  @Test
  void drops_the_header_and_quotes_substituted_paths() {
    String sql = SqlText.load("export_mart_regions")
        .withLiterals(Map.of("files", "/lake/o'brien/**/*.parquet", "csv", "/tmp/x.csv"));

    assertThat(sql).startsWith("COPY (").doesNotContain("--")
        .contains("read_parquet('/lake/o''brien/**/*.parquet'").contains("TO '/tmp/x.csv'");
  }

  @Test
  void keeps_duckdb_struct_literals_that_look_like_braces() {
    assertThat(SqlText.load("export_activities").withLiterals(Map.of("files", "f", "csv", "c")))
        .contains("hive_types = {'year': INTEGER}");
  }

  @Test
  void a_missing_file_fails_with_its_path() {
    assertThatThrownBy(() -> SqlText.load("no_such_query"))
        .hasMessageContaining("vn/danvan/bench/query/no_such_query.sql");
  }

  @Test
  void an_unfilled_placeholder_fails() {
    assertThatThrownBy(() -> SqlText.load("export_mart_regions").sql())
        .hasMessageContaining("{files}");
  }
}
