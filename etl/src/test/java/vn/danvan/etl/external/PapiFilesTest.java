package vn.danvan.etl.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PAPI files read as they are published, against the files read plainly by the test. */
class PapiFilesTest {
  private static PapiFiles.Read read;

  @BeforeAll
  static void readRealFiles() {
    read = PapiFiles.read(List.of(PapiReference.folder()), PapiReference.papiIndicators());
  }

  private static List<ExternalValue> csvValues() {
    return read.values().stream().filter(v -> v.sourceFile().matches("\\d{4}\\.csv")).toList();
  }

  @Test
  void reads_63_provinces_in_each_of_14_years_with_29_subdimensions() {
    List<ExternalValue> csv = csvValues();
    Set<String> provinceYears = csv.stream().map(v -> v.regionCode() + "|" + v.year()).collect(Collectors.toSet());
    assertThat(provinceYears).hasSize(63 * 14);
    assertThat(csv.stream().map(ExternalValue::year).collect(Collectors.toSet()))
        .isEqualTo(IntStream.rangeClosed(2011, 2024).boxed().collect(Collectors.toSet()));
    assertThat(csv.stream().map(ExternalValue::regionCode).collect(Collectors.toSet()))
        .hasSize(63).isEqualTo(Set.copyOf(ProvinceOrder.shipped().codes()));
    assertThat(csv.stream().map(ExternalValue::indicator).collect(Collectors.toSet())).hasSize(29);
    // 63 provinces x 29 columns x 14 years
    assertThat(csv).hasSize(25_578);
  }

  @Test
  void keeps_every_blank_cell_as_a_missing_value_never_zero() {
    // counted by the test from the files themselves: every empty field after the Province column
    long blanksInFiles = IntStream.rangeClosed(2011, 2024).mapToLong(y -> PapiReference.rows(y).stream().skip(1)
        .mapToLong(r -> java.util.Arrays.stream(r).skip(1).filter(String::isBlank).count()).sum()).sum();
    long blanksRead = csvValues().stream().filter(ExternalValue::blank).count();
    assertThat(blanksRead).isEqualTo(blanksInFiles).isEqualTo(3_687);
    // 14.4 % of 25,578 cells; none of the source's blanks became 0
    assertThat(csvValues().stream().filter(v -> !v.blank() && v.value() == 0.0)).isEmpty();
    assertThat(read.cellsAndBlanksByFile().get("2019.csv")).containsExactly(63 * 29, 0);
    assertThat(read.cellsAndBlanksByFile().get("2014.csv")).containsExactly(63 * 29, 485);
  }

  @Test
  void nine_province_years_are_entirely_blank() {
    Map<String, List<ExternalValue>> byProvinceYear = csvValues().stream()
        .collect(Collectors.groupingBy(v -> v.year() + " " + v.regionCode(), TreeMap::new, Collectors.toList()));
    List<String> allBlank = byProvinceYear.entrySet().stream()
        .filter(e -> e.getValue().stream().allMatch(ExternalValue::blank)).map(Map.Entry::getKey).toList();
    // P15 Bắc Giang 24, P56 Đồng Tháp 87, P14 Quảng Ninh 22, P18 Bắc Ninh 27, P47 Bình Dương 74,
    // P17 Vĩnh Phúc 26, P52 Tiền Giang 82
    assertThat(allBlank).containsExactly("2014 24", "2014 87", "2021 22", "2021 24", "2021 27",
        "2023 22", "2023 74", "2024 26", "2024 82");
  }

  @Test
  void numbers_provinces_in_gso_order_not_by_name() {
    ProvinceOrder order = ProvinceOrder.shipped();
    assertThat(order.codeOf("P01")).isEqualTo("01");
    assertThat(order.codeOf("P03")).isEqualTo("04");
    assertThat(order.codeOf("P05")).isEqualTo("08");
    assertThat(order.codeOf("P50")).isEqualTo("79");
    assertThat(order.codeOf("P63")).isEqualTo("96");
    assertThatThrownBy(() -> order.codeOf("P64")).hasMessageContaining("P01..P63");
  }

  @Test
  void ha_noi_series_equals_the_source_files_cells() {
    for (String column : List.of("SC11", "SC52", "SC83")) {
      Map<Integer, Double> read = csvValues().stream()
          .filter(v -> v.regionCode().equals("01") && v.indicator().equals("papi_" + column.toLowerCase()))
          .collect(TreeMap::new, (m, v) -> m.put(v.year(), v.value()), Map::putAll);
      Map<Integer, Double> files = new TreeMap<>();
      for (int y = 2011; y <= 2024; y++) {
        String cell = PapiReference.cell(y, "P01", column);
        files.put(y, cell.isEmpty() ? null : Double.valueOf(cell));
      }
      assertThat(read).as(column).isEqualTo(files).hasSize(14);
    }
    // spot values as printed in 2011.csv and 2024.csv
    assertThat(value("papi_sc11", "01", 2011)).isEqualTo(1.26411);
    assertThat(value("papi_sc11", "01", 2024)).isEqualTo(1.425715804);
    assertThat(value("papi_sc52", "01", 2024)).isNull();
  }

  @Test
  void reads_dimension_and_total_scores_from_the_workbook_by_gso_code() {
    List<ExternalValue> dims = read.values().stream().filter(v -> v.sourceFile().endsWith(".xlsx")).toList();
    // 6 sheets (2011-2016) x 63 provinces x (6 dimensions + total); the "Highest" row is not a province
    assertThat(dims).hasSize(6 * 63 * 7);
    // 2014: Bắc Giang (24) and Đồng Tháp (87) have no scores in the sheet, whose total formula
    // sums their blanks to 0: all seven are missing, the total included
    assertThat(dims.stream().filter(ExternalValue::blank).map(v -> v.year() + " " + v.regionCode())
        .distinct()).containsExactly("2014 24", "2014 87");
    assertThat(dims.stream().filter(ExternalValue::blank)).hasSize(2 * 7);
    assertThat(value("papi_total", "24", 2014)).isNull();
    assertThat(value("papi_c01", "01", 2011)).isEqualTo(5.76248);
    // the total is the sum of the six dimensions (a formula in the 2011 sheet: its cached value)
    double sum = List.of("c01", "c02", "c03", "c04", "c05", "c06").stream()
        .mapToDouble(c -> value("papi_" + c, "01", 2011)).sum();
    assertThat(value("papi_total", "01", 2011)).isEqualTo(36.40502).isCloseTo(sum, within(1e-9));
    // tinhid 96 is Cà Mau; its Participation score 2011 is shown as 4.81 in the sheet
    assertThat(value("papi_c01", "96", 2011)).isCloseTo(4.81, within(0.005));
  }

  @Test
  void workbook_subdimensions_agree_with_the_csvs_in_every_cell_both_hold() {
    PapiWorkbook.Comparison c = read.workbookAgainstCsv();
    // 2011-2016: 63 provinces x 22 sub-dimension columns per sheet, less the 2 x 22 cells of
    // Bắc Giang and Đồng Tháp 2014, blank in both
    assertThat(c.compared()).isEqualTo(6 * 63 * 22 - 2 * 22);
    assertThat(c.agree()).isEqualTo(c.compared());
    assertThat(c.differences()).isEmpty();
    assertThat(c.maxAgreeingDifference()).isLessThan(PapiWorkbook.TOLERANCE);
  }

  @Test
  void the_workbook_alone_needs_no_codebook_and_is_compared_with_nothing() {
    PapiFiles.Read alone = PapiFiles.read(List.of(PapiReference.folder().resolve("PAPI_2011-2016.xlsx")),
        PapiReference.papiIndicators());
    assertThat(alone.values()).hasSize(6 * 63 * 7);
    assertThat(alone.blanks()).isEqualTo(14);
    assertThat(alone.workbookAgainstCsv()).isNull();
  }

  @Test
  void refuses_a_column_outside_the_codebook(@TempDir Path dir) throws Exception {
    Path papi = PapiReference.folder();
    for (String f : List.of(PapiFiles.PROVINCES, PapiFiles.SUBCRITERIA)) {
      Files.copy(papi.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("2030.csv"), "Province,SC11,SC99\nP01,1.0,2.0\n");
    assertThatThrownBy(() -> PapiFiles.read(List.of(dir), PapiReference.papiIndicators()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2030.csv: column SC99");
  }

  @Test
  void refuses_a_cell_that_is_not_a_number(@TempDir Path dir) throws Exception {
    Path papi = PapiReference.folder();
    for (String f : List.of(PapiFiles.PROVINCES, PapiFiles.SUBCRITERIA)) {
      Files.copy(papi.resolve(f), dir.resolve(f));
    }
    Files.writeString(dir.resolve("2030.csv"), "Province,SC11\nP01,1;5\n");
    assertThatThrownBy(() -> PapiFiles.read(List.of(dir), PapiReference.papiIndicators()))
        .hasMessageContaining("2030.csv line 2, SC11: '1;5' is not a number");
  }

  private static Double value(String indicator, String region, int year) {
    return read.values().stream().filter(v -> v.indicator().equals(indicator) && v.regionCode().equals(region)
        && v.year() == year).findFirst().orElseThrow().value();
  }
}
