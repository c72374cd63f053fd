package vn.danvan.contract.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.danvan.contract.Table;

class HeaderCheckTest {
  private static final List<String> POPULATION = List.of("Region code", "year", "population");

  @Test
  void maps_contract_columns_by_folded_name_in_contract_order_and_ignores_others() {
    assertThat(HeaderCheck.mapping(Table.POPULATION, List.of("population", "note", "Năm", "YEAR", "Region code")))
        .containsExactly(java.util.Map.entry("region_code", "Region code"),
            java.util.Map.entry("year", "YEAR"), java.util.Map.entry("population", "population"));
  }

  @Test
  void refuses_file_with_phone_column() {
    assertThatThrownBy(() -> HeaderCheck.mapping(Table.POPULATION, List.of("region_code", "year",
        "population", "Số điện thoại")))
        .isInstanceOf(HeaderCheck.RefusedException.class)
        .hasMessage("column 'Số điện thoại' looks like a phone number of members of the public,"
            + " which the warehouse never stores");
  }

  @Test
  void refuses_an_empty_header_a_column_given_twice_and_a_missing_required_column() {
    assertThatThrownBy(() -> HeaderCheck.mapping(Table.POPULATION, List.of(" ", "")))
        .hasMessage("has no header row");
    assertThatThrownBy(() -> HeaderCheck.mapping(Table.POPULATION, List.of("year", "Year", "region_code", "population")))
        .hasMessage("columns 'year' and 'Year' both give the contract column 'year'");
    assertThatThrownBy(() -> HeaderCheck.mapping(Table.POPULATION, POPULATION.subList(0, 2)))
        .hasMessage("misses the required column 'population' of table population"
            + " (header: Region code,year)");
  }
}
