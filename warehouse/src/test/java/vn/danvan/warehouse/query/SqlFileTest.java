package vn.danvan.warehouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.LakeTable;

class SqlFileTest {
  @Test
  void a_missing_file_fails_at_once_with_its_classpath_path() {
    assertThatThrownBy(() -> SqlFile.load(SqlFileTest.class, "no_such_query"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vn/danvan/warehouse/query/no_such_query.sql");
  }

  @Test
  void the_header_comment_is_not_part_of_the_statement() {
    SqlFile sql = SqlFile.load(SqlFileTest.class, "read_file");
    assertThat(sql.sql()).isEqualTo("SELECT count(*) AS row_count FROM read_parquet(?)");
  }

  @Test
  void a_table_placeholder_becomes_a_quoted_allow_listed_identifier() {
    SqlFile sql = SqlFile.load(Warehouse.class, "table_count").withTable("table", LakeTable.POST_METRICS);
    assertThat(sql.sql()).isEqualTo("SELECT count(*) AS row_count FROM \"post_metrics\"");
  }

  @Test
  void an_unfilled_placeholder_is_refused() {
    SqlFile sql = SqlFile.load(Warehouse.class, "table_count");
    assertThatThrownBy(sql::sql).hasMessageContaining("unfilled placeholder");
    assertThatThrownBy(() -> sql.withTable("tabel", LakeTable.POSTS))
        .hasMessageContaining("no placeholder {tabel}");
  }

  @Test
  void a_string_literal_escapes_quotes() {
    SqlFile sql = SqlFile.load(Warehouse.class, "create_view")
        .withTable("table", LakeTable.REGIONS).withStringLiteral("files", "/l/o'k/**/*.parquet");
    assertThat(sql.sql()).contains("\"regions\"").contains("read_parquet('/l/o''k/**/*.parquet'");
  }

  @Test
  void string_literals_make_an_in_list_and_escape_quotes() {
    SqlFile sql = SqlFile.load(Warehouse.class, "materialize_indicator_values")
        .withStringLiteral("files", "/l/*.parquet").withStringLiterals("grains", List.of("month", "y'r"));
    assertThat(sql.sql()).contains("WHERE v.grain IN ('month', 'y''r')");
    assertThatThrownBy(() -> SqlFile.load(Warehouse.class, "materialize_indicator_values")
        .withStringLiterals("grains", List.of())).hasMessage("grains: an empty list");
  }
}
