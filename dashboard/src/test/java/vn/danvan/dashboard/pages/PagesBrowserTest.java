package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.danvan.dashboard.pages.PageFixture.PROVINCES;
import static vn.danvan.dashboard.pages.PageFixture.reported;
import static vn.danvan.dashboard.pages.PageFixture.restated;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.danvan.contract.Lake;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.audit.AuditFilter;
import vn.danvan.contract.audit.AuditLog;
import vn.danvan.contract.audit.AuditTrail;
import vn.danvan.contract.audit.Audits;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The pages as a person sees them, in headless Chromium over {@link PageFixture}'s lake: the
 * values drawn are read back from each ECharts instance and compared with the fixture's figures.
 */
class PagesBrowserTest {
  /** A chart's series as drawn: type, name and each point's value (null: no data). */
  private static final String SERIES = """
      const el = document.querySelector(arguments[0] + ' .chart');
      const c = el && window.echarts ? echarts.getInstanceByDom(el) : null;
      if (!c || !c.getOption() || !c.getOption().series) return [];
      return c.getOption().series.map(s => ({type: s.type, name: s.name || '', data: (s.data || []).map(d =>
        d === null || d === undefined ? null : (typeof d === 'object' && !Array.isArray(d) ? (d.value ?? null) : d))}));
      """;

  @TempDir static Path tmp;
  static final RecordingAudit audit = new RecordingAudit();
  /** The lake's own trail, which the access-log page reads; every event goes to both. */
  static AuditLog trail;
  static DashboardServer server;
  static HeadlessChromium browser;

  @BeforeAll
  static void start() {
    PageFixture.write(tmp.resolve("lake"));
    trail = Audits.forLake(Lake.at(tmp.resolve("lake")));
    server = DashboardServer.start(Lake.at(tmp.resolve("lake")), "127.0.0.1", 0, Duration.ofMinutes(10),
        AccessControl.of(TestAccounts.standard(), e -> {
          audit.record(e);
          trail.record(e);
        }));
    browser = HeadlessChromium.start(tmp.resolve("downloads"), 1366, 768);
    browser.signIn(server.url(), TestAccounts.ADMIN, TestAccounts.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
    if (trail != null) {
      trail.close();
    }
  }

  @BeforeEach
  void vietnamese_signed_in_and_no_downloads() throws Exception {
    open("/?lang=vi");
    if (browser.driver().getCurrentUrl().contains("/login.html")) { // a test signed out
      browser.signIn(server.url(), TestAccounts.ADMIN, TestAccounts.PASSWORD);
      open("/?lang=vi");
    }
    browser.consoleErrors();
    try (var files = Files.list(browser.downloads())) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
  }

  @Test
  void every_page_loads_without_console_errors_and_draws_a_chart() {
    for (String page : List.of("/", "/trends.html?regions=VN,01", "/map.html", "/region.html?code=01",
        "/survey.html", "/outreach.html?region=01&year=2024")) {
      open(page);
      browser.awaitFirstChart(20);
      assertThat(browser.consoleErrors()).as(page).isEmpty();
    }
  }

  @Test
  void signing_out_then_in_through_the_login_page_returns_to_the_page_asked_for() throws Exception {
    open("/?lang=vi");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> !text("#session-login").isEmpty());
    assertThat(text("#session")).startsWith("admin").contains("Quản trị viên", "Phạm vi: Toàn quốc", "Đăng xuất");
    click(browser.driver().findElement(By.id("logout")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith("/login.html"));

    open("/trends.html?regions=VN,01");
    assertThat(browser.driver().getCurrentUrl()).isEqualTo(server.url() + "login.html?next=%2Ftrends.html%3Fregions%3DVN%2C01");
    assertThat(browser.driver().getTitle()).isEqualTo("Đăng nhập · Kho số liệu công tác dân vận");
    assertThat(text("#login-form h2")).isEqualTo("Đăng nhập");
    assertThat(text("#login-form label:nth-of-type(1) span")).isEqualTo("Tên đăng nhập");
    assertThat(text("#login-form label:nth-of-type(2) span")).isEqualTo("Mật khẩu");
    waitFor(By.cssSelector("#login-submit:enabled"));
    browser.driver().findElement(By.id("login")).sendKeys(TestAccounts.ADMIN);
    browser.driver().findElement(By.id("password")).sendKeys("not the password");
    click(browser.driver().findElement(By.id("login-submit")));
    waitText("#login-error", "Tên đăng nhập hoặc mật khẩu không đúng");
    Files.write(Path.of("target", "login-error.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();

    browser.driver().findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
    click(browser.driver().findElement(By.id("login-submit")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().contains("/trends.html"));
    // the page asked for, with its query (which the page then completes with its defaults)
    assertThat(browser.js("return location.pathname + ' ' + new URLSearchParams(location.search).get('regions')"))
        .isEqualTo("/trends.html VN,01");
    awaitChart("#trend-panel");
    assertThat(series("#trend-panel")).extracting(s -> s.get("name")).containsExactly("Việt Nam", "Thành phố Hà Nội");
    open("/");
    browser.awaitFirstChart(20);
    // each card fetches its own series: the first chart drawn may be another card's
    waitText("a.card[data-indicator=houses_supported] .value", "10.900 căn");
    Files.write(Path.of("target", "signed-in-overview.png"), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    assertThat(browser.consoleErrors()).extracting(e -> e.getMessage())
        .allMatch(m -> m.contains("/api/login") && m.contains("401"), "only the wrong password's 401");
    assertThat(audit.events()).extracting(e -> e.action().code() + " " + e.login() + " " + e.outcome())
        .containsSubsequence("login admin ok", "logout admin ok", "login_failed admin failed", "login admin ok");
  }

  @Test
  void overview_shows_the_latest_complete_year_with_its_change_and_no_data_apart_from_zero() {
    open("/");
    WebElement card = waitFor(By.cssSelector("a.card[data-indicator=houses_supported] .value"));
    // loaded 2026-01-15: 2025 is the latest complete year; the nation has 10,000 + 100 × 9
    assertThat(text("h2#headline-title")).isEqualTo("Chỉ tiêu chủ yếu năm 2025");
    assertThat(card.getText()).isEqualTo("10.900 căn");
    // 10,900 / 10,800 - 1 = +0.93 %
    assertThat(text("a.card[data-indicator=houses_supported] .change")).isEqualTo("▲ +0,9 % so với 2024");
    // an indicator the lake has no figure for shows a dash, never 0
    waitText("a.card[data-indicator=trainees] .value", "— lượt người");
    List<Map<String, Object>> spark = series("a.card[data-indicator=houses_supported]", ".sparkline");
    assertThat(numbers(spark.get(0))).containsExactly(10000.0, 10100.0, 10200.0, 10300.0, 10400.0, 10500.0, 10600.0,
        10700.0, 10800.0, 10900.0);
  }

  @Test
  void a_page_opened_with_a_release_shows_its_banner_its_figure_and_keeps_it_in_every_link() throws Exception {
    // an earlier snapshot, never current, in which the nation's 2025 houses were 9,999 (not 10,900)
    Path lake = tmp.resolve("lake");
    String earlier = "20260115T000000000Z-00000e41";
    TestLake.in(lake).parquet(earlier, "mart_regions/part-0.parquet", "SELECT * FROM read_parquet('"
            + lake.resolve("snapshots/" + PageFixture.SNAPSHOT + "/mart_regions/**/*.parquet") + "')")
        .parquet(earlier, "indicator_values/part-0.parquet", "SELECT * REPLACE (CASE WHEN region_code = 'VN' "
            + "AND indicator = 'houses_supported' AND grain = 'year' AND year = 2025 THEN 9999.0 ELSE value END AS value) "
            + "FROM read_parquet('" + lake.resolve("snapshots/" + PageFixture.SNAPSHOT + "/indicator_values/**/*.parquet")
            + "', hive_partitioning = false)");
    if (Releases.of(Lake.at(lake)).find("tong-ket-2025").isEmpty()) {
      Releases.of(Lake.at(lake)).create("tong-ket-2025", earlier, "Số liệu tổng kết năm 2025", "os:lan",
          Instant.parse("2026-01-20T03:00:00Z"));
    }

    open("/?release=tong-ket-2025");
    waitText("#release-banner span", "Bản phát hành «Số liệu tổng kết năm 2025» (tong-ket-2025), đóng băng ngày "
        + "20/01/2026 — số liệu không thay đổi theo các lần nạp sau");
    waitText("a.card[data-indicator=houses_supported] .value", "9.999 căn");
    assertThat(browser.driver().findElement(By.id("release-current")).getAttribute("href")).isEqualTo(server.url());
    for (WebElement a : browser.driver().findElements(By.cssSelector("header nav a:not(.api):not(#lang-switch)"))) {
      assertThat(a.getAttribute("href")).as(a.getText()).contains("release=tong-ket-2025");
    }
    assertThat(browser.driver().findElement(By.cssSelector("a.card[data-indicator=houses_supported]"))
        .getAttribute("href")).contains("release=tong-ket-2025");
    waitText("a.card[data-indicator=houses_supported] .value", "9.999 căn");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector(".citation"))
        .stream().anyMatch(c -> c.getText().contains("bản phát hành «Số liệu tổng kết năm 2025» (tong-ket-2025, "
            + "đóng băng ngày 20/01/2026)")));
    assertThat(browser.consoleErrors()).isEmpty();

    // the same page without the release: current figures, no banner
    open("/");
    waitText("a.card[data-indicator=houses_supported] .value", "10.900 căn");
    assertThat(browser.driver().findElements(By.id("release-banner"))).isEmpty();
  }

  @Test
  void trends_chart_holds_the_series_and_the_boundaries_switch_restates_it() {
    open("/trends.html?indicator=houses_supported&regions=VN,01,79&boundaries=reported");
    awaitChart("#trend-panel");
    List<Map<String, Object>> reportedSeries = series("#trend-panel");
    assertThat(reportedSeries).extracting(s -> s.get("name"))
        .containsExactly("Việt Nam", "Thành phố Hà Nội", "Thành phố Hồ Chí Minh");
    assertThat(numbers(reportedSeries.get(1))).containsExactlyElementsOf(years(y -> reported("01", y)));
    // HCMC has no figure in 2020: a gap, not a zero
    assertThat(numbers(reportedSeries.get(2))).containsExactlyElementsOf(years(y -> reported("79", y)));
    assertThat(numbers(reportedSeries.get(2)).get(4)).isNull();

    browser.driver().findElement(By.cssSelector("#boundaries input[value='2025']")).click();
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
        !series("#trend-panel").equals(reportedSeries) && text("#trend-panel .panel-status").isEmpty());
    List<Map<String, Object>> restatedSeries = series("#trend-panel");
    assertThat(numbers(restatedSeries.get(1))).containsExactlyElementsOf(years(y -> restated("01", y)));
    assertThat(numbers(restatedSeries.get(1)).get(0)).isEqualTo(150.0); // 100 × 1 + 0 + 50
    // 01 and 79 are apportioned 2016-2024 (79 without 2020): 9 + 8 points; the nation never
    assertThat(browser.driver().findElement(By.cssSelector("#trend-panel .notes")).getAttribute("data-apportioned"))
        .isEqualTo("17");
    assertThat(text("#trend-panel .notes")).startsWith("Giá trị được phân bổ khi quy đổi địa giới");
    Object breakLine = browser.js("return echarts.getInstanceByDom(document.querySelector('#trend-panel .chart'))"
        + ".getOption().series[0].markLine.data[0].xAxis");
    assertThat(breakLine).isEqualTo("2025");
  }

  @Test
  void drill_down_reaches_a_commune_and_the_breadcrumb_returns() {
    open("/region.html?code=VN&boundaries=reported&year=2024");
    click(waitFor(By.linkText("Thành phố Hà Nội")));
    waitText("#region-name", "Thành phố Hà Nội (Tỉnh, 01)");
    // the rank comes from its own request (/api/ranking), after the name
    waitText("#rank", "Xếp hạng trong các địa bàn cùng cấp: Hạng 34/34 năm 2024");
    click(waitFor(By.linkText("Quận Ba Đình")));
    waitText("#region-name", "Quận Ba Đình (Huyện, 001)");
    click(waitFor(By.linkText("Phường Phúc Xá")));
    waitText("#region-name", "Phường Phúc Xá (Xã, 00004)");
    assertThat(text("#breadcrumb")).isEqualTo("Việt Nam › Thành phố Hà Nội › Quận Ba Đình › Phường Phúc Xá");
    // the commune's own report: its field breakdown sums to 4,503, not its total 4,494
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> text("#warning-list").contains("4.503"));
    assertThat(text("#warning-list")).contains("tổng 4.494", "(lệch 9)", "BC 12/BDV");
    awaitChart("#series-panel");
    assertThat(numbers(series("#series-panel").get(0))).containsExactlyElementsOf(years(y -> 10.0 + y - 2016));
    click(browser.driver().findElement(By.cssSelector("#breadcrumb a:nth-of-type(2)")));
    waitText("#region-name", "Thành phố Hà Nội (Tỉnh, 01)");
  }

  @Test
  void map_draws_the_tile_grid_without_imported_boundaries() {
    open("/map.html?indicator=houses_supported&boundaries=2025&year=2020");
    awaitChart("#map-panel");
    Map<String, Object> tiles = series("#map-panel").get(0);
    assertThat(tiles.get("type")).isEqualTo("heatmap");
    List<Object> cells = data(tiles);
    assertThat(cells).hasSize(34);
    // each tile is [column, row, value]; HCMC's missing 2020 figure is drawn as the no-data class (-1)
    assertThat(((Number) ((List<?>) cells.get(PROVINCES.indexOf("01"))).get(2)).doubleValue())
        .isEqualTo(restated("01", 2020));
    assertThat(((Number) ((List<?>) cells.get(PROVINCES.indexOf("79"))).get(2)).doubleValue()).isEqualTo(-1.0);
    assertThat(text("#map-kind")).startsWith("Bản đồ ô lưới");
  }

  @Test
  void map_draws_the_provinces_once_a_geojson_is_imported() throws Exception {
    Path geojson = PageFixture.provincesGeoJson();
    GeoStore store = new GeoStore(server.warehouse().lake().root());
    store.importFile(geojson, "province", "code",
        PROVINCES.stream().collect(java.util.stream.Collectors.toMap(c -> c, PageFixture::name)));
    try {
      open("/map.html?indicator=houses_supported&boundaries=2025&year=2020");
      awaitChart("#map-panel");
      Map<String, Object> map = series("#map-panel").get(0);
      assertThat(map.get("type")).isEqualTo("map");
      assertThat(numbers(map)).hasSize(34).contains(restated("01", 2020), -1.0);
      assertThat(text("#map-kind")).isEqualTo("Ranh giới hành chính do quản trị viên nhập");
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      // the other tests see the fixture without boundaries, whatever order they run in
      Files.delete(store.file("province").orElseThrow());
    }
  }

  @Test
  void downloads_hold_exactly_the_rows_of_the_table() throws Exception {
    open("/map.html?indicator=houses_supported&boundaries=reported&year=2020");
    awaitChart("#map-panel");
    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-tab=table]")));
    List<List<String>> shown = shownTable("#map-panel .table-wrap:not([hidden]) table");
    assertThat(shown).hasSize(35); // header + 34 provinces
    assertThat(shown.get(PROVINCES.indexOf("79") + 1)).containsExactly("79", "Thành phố Hồ Chí Minh", "", "", "", "");

    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-download=csv]")));
    Path csv = awaitDownload(".csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).startsWith("\uFEFF");
    List<List<String>> fromCsv = new ArrayList<>();
    for (String line : lines) {
      fromCsv.add(Arrays.asList(line.replace("\uFEFF", "").split(",", -1)));
    }
    assertThat(fromCsv).isEqualTo(shown);

    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-download=xlsx]")));
    Path xlsx = awaitDownload(".xlsx");
    List<List<String>> fromXlsx = new ArrayList<>();
    try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
      for (Row row : book.getSheetAt(0)) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < shown.get(0).size(); c++) {
          Cell cell = row.getCell(c);
          cells.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
              ? plain(cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        fromXlsx.add(cells);
      }
      assertThat(book.getSheetAt(1).getRow(2).getCell(1).getStringCellValue()).isEqualTo(PageFixture.SNAPSHOT);
    }
    assertThat(fromXlsx).isEqualTo(shown);

    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-download=png]")));
    Path png = awaitDownload(".png");
    byte[] bytes = Files.readAllBytes(png);
    assertThat(Arrays.copyOf(bytes, 4)).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void survey_page_draws_the_interval_and_never_a_withheld_figure() throws Exception {
    open("/survey.html?indicator=" + PageFixture.SURVEY_INDICATOR + "&region=VN&boundaries=2025");
    awaitChart("#waves-panel");
    List<Map<String, Object>> waves = series("#waves-panel");
    // the estimate in %, then the band: its low bound and its width stacked on it
    assertThat(numbers(waves.get(0))).containsExactly(62.0, 65.0);
    assertThat(numbers(waves.get(1))).containsExactly(58.0, 61.0);
    assertThat(numbers(waves.get(2))).containsExactly(8.0, 8.0);
    assertThat(data(waves.get(3))).as("no interval bar where the band is drawn").isEmpty();
    awaitChart("#survey-map-panel");
    List<Object> tiles = data(series("#survey-map-panel").get(0));
    assertThat(tiles).hasSize(34);
    double hanoi = ((Number) ((List<?>) tiles.get(PROVINCES.indexOf("01"))).get(2)).doubleValue();
    double hcmc = ((Number) ((List<?>) tiles.get(PROVINCES.indexOf("79"))).get(2)).doubleValue();
    double other = ((Number) ((List<?>) tiles.get(PROVINCES.indexOf("04"))).get(2)).doubleValue();
    assertThat(List.of(hanoi, hcmc, other)).containsExactly(70.0, -2.0, -1.0); // figure, withheld, no data
    click(browser.driver().findElement(By.cssSelector("#survey-map-panel button[data-tab=table]")));
    List<List<String>> shown = shownTable("#survey-map-panel .table-wrap:not([hidden]) table");
    assertThat(shown.get(PROVINCES.indexOf("79") + 1))
        .containsExactly("79", "Thành phố Hồ Chí Minh", "", "", "", "", "đã ẩn (quá ít người trả lời)");
    click(browser.driver().findElement(By.cssSelector("#survey-map-panel button[data-download=csv]")));
    String csv = Files.readString(awaitDownload("Bản-đồ-đợt-khảo-sát-gần-nhất-Khảo-sát-W2024.csv"));
    assertThat(csv).contains("79,Thành phố Hồ Chí Minh,,,,,đã ẩn (quá ít người trả lời)").doesNotContain("99")
        .contains("01,Thành phố Hà Nội,70,60,78,80,");
    click(browser.driver().findElement(By.cssSelector("#survey-map-panel button[data-download=xlsx]")));
    try (InputStream in = Files.newInputStream(awaitDownload(".xlsx")); XSSFWorkbook book = new XSSFWorkbook(in)) {
      Row withheld = book.getSheetAt(0).getRow(PROVINCES.indexOf("79") + 1);
      assertThat(withheld.getCell(0).getStringCellValue()).isEqualTo("79");
      for (int c = 2; c <= 5; c++) {
        assertThat(withheld.getCell(c)).as("withheld cell %d", c).isNull();
      }
      assertThat(withheld.getCell(6).getStringCellValue()).isEqualTo("đã ẩn (quá ít người trả lời)");
    }
    // the nation has no PAPI index: said in the chart, not drawn as a line of zeros
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "Không có số liệu PAPI cho địa bàn này."
        .equals(browser.js("const o = echarts.getInstanceByDom(document.querySelector('#papi-panel .chart')).getOption();"
            + " return o.title && o.title[0] ? o.title[0].text : null")));
    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("region"))).selectByValue("01");
    try {
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
          !series("#papi-panel").isEmpty() && numbers(series("#papi-panel").get(0)).size() == 6);
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("PAPI panel: " + series("#papi-panel") + " status '" + text("#papi-panel .panel-status")
          + "', console " + browser.consoleErrors(), e);
    }
    assertThat(numbers(series("#papi-panel").get(0))).containsExactly(35.0, 36.0, 37.0, 38.0, 39.0, 40.0);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  /**
   * The map of a province draws its communes (2025 units): 00004 at 72 %, 00008 withheld (the
   * mart's 0.97 never reaches the page), 00025 without respondents; the sub-unit picker then shows
   * one commune's waves.
   */
  @Test
  void survey_map_drills_down_to_the_communes_and_draws_a_withheld_one_as_withheld() {
    open("/survey.html?indicator=" + PageFixture.SURVEY_INDICATOR + "&region=01&boundaries=2025");
    awaitChart("#survey-map-panel");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> data(series("#survey-map-panel").get(0)).size() == 3);
    click(browser.driver().findElement(By.cssSelector("#survey-map-panel button[data-tab=table]")));
    List<List<String>> shown = shownTable("#survey-map-panel .table-wrap:not([hidden]) table");
    Map<String, List<String>> byCode = new java.util.HashMap<>();
    shown.stream().skip(1).forEach(r -> byCode.put(r.get(0), r));
    assertThat(byCode.keySet()).containsExactlyInAnyOrder("00004", "00008", "00025");
    assertThat(byCode.get("00004")).contains("Phường Ba Đình", "72", "58", "83", "45");
    assertThat(byCode.get("00008")).containsExactly("00008", "Phường Ngọc Hà", "", "", "", "", "đã ẩn (quá ít người trả lời)");
    assertThat(String.join(",", byCode.get("00025"))).doesNotContain("đã ẩn");
    assertThat(shown.toString()).doesNotContain("97");
    List<Double> tiles = data(series("#survey-map-panel").get(0)).stream()
        .map(t -> ((Number) ((List<?>) t).get(2)).doubleValue()).sorted().toList();
    assertThat(tiles).containsExactly(-2.0, -1.0, 72.0); // withheld, no respondents, the figure

    new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("drill"))).selectByValue("00004");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
        "00004".equals(browser.js("return new URLSearchParams(location.search).get('region')")));
    awaitChart("#waves-panel");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
        numbers(series("#waves-panel").get(0)).contains(72.0));
    // one wave: no band can be drawn (it needs two), so its interval is a bar, [58, 83]
    List<Object> bars = data(series("#waves-panel").get(3));
    assertThat(bars).hasSize(1);
    assertThat(((List<?>) bars.get(0)).stream().skip(1).map(v -> ((Number) v).doubleValue()).toList())
        .containsExactly(58.0, 83.0);
    assertThat(browser.js("return document.getElementById('drill').selectedOptions[0].textContent"))
        .isEqualTo("Phường Ba Đình");
    assertThat(browser.consoleErrors()).isEmpty();
    screenshot("survey-communes.png");
  }

  @Test
  void a_province_account_sees_its_own_province_and_its_own_posts() {
    signInAs(TestAccounts.ANALYST);
    try {
      open("/map.html?indicator=houses_supported&boundaries=2025&year=2020");
      awaitChart("#map-panel");
      List<Object> cells = data(series("#map-panel").get(0));
      // the map answer holds Hà Nội alone, so the grid draws its one tile
      assertThat(cells).hasSize(1);
      assertThat(((Number) ((List<?>) cells.get(0)).get(2)).doubleValue()).isEqualTo(restated("01", 2020));
      screenshot("province-map.png");

      // its outreach page asks for its own province, never the nation (the nation's posts are every
      // unit's), restated (the fixture has no lineage, so no unit as reported is wholly Hà Nội's)
      open("/outreach.html?by=platform&metric=interactions&year=2024");
      awaitChart("#trend-panel");
      assertThat(browser.js("return new URLSearchParams(location.search).get('boundaries')")).isEqualTo("2025");
      assertThat(browser.js("return [...document.querySelectorAll('#region option')].map(o => o.value).join(',')"))
          .isEqualTo("01");
      assertThat(series("#trend-panel")).extracting(x -> x.get("name")).containsExactly("Facebook", "Zalo");
      // the header's account part comes from its own request (/api/session), which also removes the
      // access log's link for anyone but an admin
      waitText("#session-scope", "Phạm vi: 01");
      assertThat(browser.driver().findElements(By.cssSelector("header nav a[href='/audit.html']"))).isEmpty();
      screenshot("province-outreach.png");
      assertThat(browser.consoleErrors()).isEmpty();
    } finally {
      signInAs(TestAccounts.ADMIN);
    }
  }

  /**
   * Signs in as {@code login} from a blank page: a page still loading when its cookies go would
   * get a 401 and send the browser to the login page in the middle of the next steps.
   */
  private static void signInAs(String login) {
    browser.driver().get("about:blank");
    browser.driver().executeCdpCommand("Network.clearBrowserCookies", Map.of()); // every site's, from a blank page
    browser.signIn(server.url(), login, TestAccounts.PASSWORD);
  }

  @Test
  void outreach_page_shows_the_posts_interactions_and_overperformance_of_the_fixture() {
    open("/outreach.html?region=01&boundaries=reported&by=platform&metric=interactions&year=2024");
    awaitChart("#trend-panel");
    List<Map<String, Object>> trend = series("#trend-panel");
    // per platform, year 2024: Facebook 100 + 50 + 10 + 0, Zalo 30 (its unmeasured post adds nothing)
    assertThat(trend).extracting(x -> x.get("name")).containsExactly("Facebook", "Zalo");
    assertThat(numbers(trend.get(0))).containsExactly(160.0);
    assertThat(numbers(trend.get(1))).containsExactly(30.0);
    click(browser.driver().findElement(By.cssSelector("#trend-panel button[data-tab=table]")));
    List<List<String>> shown = shownTable("#trend-panel .table-wrap:not([hidden]) table");
    // mean 160 / 4 = 40, median of 0, 10, 50, 100 = 30, one post of four without interactions
    assertThat(shown.get(1)).containsExactly("2024", "Facebook", "4", "160", "40", "30", "25");
    assertThat(shown.get(2)).containsExactly("2024", "Zalo", "2", "30", "30", "30", "0");
    awaitChart("#top-panel");
    // score = interactions at 24 h / the channel's benchmark: 80/40, 24/20, 40/40, 8/40, 0/30
    assertThat(numbers(series("#top-panel").get(0))).containsExactly(2.0, 1.2, 1.0, 0.2, 0.0);
    awaitChart("#bottom-panel");
    assertThat(numbers(series("#bottom-panel").get(0))).containsExactly(0.0, 0.2, 1.0, 1.2, 2.0);
    awaitChart("#growth-panel");
    assertThat(series("#growth-panel")).extracting(x -> x.get("name")).containsExactly("Facebook", "Zalo");
    // Facebook's mean at 1 h: (100 + 50 + 10 + 0) / 4 / 4 = 10; at 24 h (80 + 40 + 8 + 0) / 4 = 32
    assertThat(numbers(series("#growth-panel").get(0))).startsWith(10.0, 32.0);
    assertThat(browser.consoleErrors()).isEmpty();
  }

  @Test
  void english_switch_changes_the_labels() {
    open("/trends.html?regions=VN");
    awaitChart("#trend-panel");
    assertThat(text("header nav a[aria-current=page]")).isEqualTo("Xu hướng");
    click(browser.driver().findElement(By.id("lang-switch")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
        "en".equals(browser.js("return document.documentElement.lang")));
    awaitChart("#trend-panel");
    assertThat(text("header nav a[aria-current=page]")).isEqualTo("Trends");
    assertThat(text("#trend-panel button[data-tab=table]")).isEqualTo("Table");
    assertThat(text("#boundaries legend")).isEqualTo("Boundaries");
    assertThat(text("#lang-switch")).isEqualTo("Tiếng Việt");
  }

  @Test
  void tooltips_show_under_the_content_security_policy() {
    // an axis tooltip (ECharts' default markup) and an item tooltip (the page's own formatter)
    for (String[] c : new String[][] {{"/trends.html?indicator=houses_supported&regions=VN,01&boundaries=reported",
        "#trend-panel", "Thành phố Hà Nội"}, {"/map.html?indicator=houses_supported&boundaries=2025&year=2020",
        "#map-panel", "Thành phố Hà Nội: "}}) {
      open(c[0]);
      awaitChart(c[1]);
      browser.consoleErrors();
      browser.js("window.cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => "
          + "window.cspViolations.push(e.violatedDirective + ' at ' + e.sourceFile + ':' + e.lineNumber))");
      // what a hover does: ECharts writes the tooltip into the page, where the CSP governs it
      browser.js("echarts.getInstanceByDom(document.querySelector(arguments[0] + ' .chart'))"
          + ".dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 })", c[1]);
      new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> String.valueOf(browser.js(
          "return [...document.querySelectorAll(arguments[0] + ' .chart > div')].map((e) => e.innerText).join('|')",
          c[1])).contains(c[2]));
      browser.driver().executeAsyncScript("setTimeout(arguments[0], 100)"); // violations are reported as tasks
      assertThat(browser.js("return window.cspViolations")).as(c[0]).isEqualTo(List.of());
      assertThat(browser.consoleErrors()).as(c[0]).isEmpty();
    }
  }

  /**
   * A download the server refuses (here: past its export limit) says why under the chart, in the
   * page's words and the server's; the chart stays drawn (it used to be cleared), and the next
   * download that succeeds clears the message.
   */
  @Test
  void a_refused_download_says_why_and_keeps_the_chart() throws Exception {
    open("/map.html?indicator=houses_supported&boundaries=reported&year=2020&lang=vi");
    awaitChart("#map-panel");
    List<Object> drawn = data(series("#map-panel").get(0));
    // the page's export asks for 100,001 rows of the table's 6 columns: past the 500,000 cells the server makes
    browser.js("""
        const real = window.fetch;
        window.fetch = (url, init) => {
          if (String(url).startsWith('/api/export/') && !window.exportAsShown) {
            const body = JSON.parse(init.body);
            body.rows = Array.from({ length: 100001 }, () => body.rows[0]);
            init = { ...init, body: JSON.stringify(body) };
          }
          return real(url, init);
        };""");
    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-download=csv]")));
    waitFor(By.cssSelector("#map-panel .panel-status"));
    assertThat(text("#map-panel .panel-status")).isEqualTo("Không tạo được tệp tải về: rows × columns: 100,001 rows"
        + " × 6 columns = 600,006 cells; the limit is 500,000 (export a filtered table)");
    assertThat(browser.driver().findElement(By.cssSelector("#map-panel .panel-status")).getAttribute("class"))
        .contains("error");
    assertThat(data(series("#map-panel").get(0))).isEqualTo(drawn);

    browser.js("window.exportAsShown = true");
    long before = csvFiles();
    click(browser.driver().findElement(By.cssSelector("#map-panel button[data-download=csv]")));
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
        .until(d -> csvFiles() == before + 1 && text("#map-panel .panel-status").isEmpty());
  }

  /** The CSV files downloaded so far (Chromium names one .crdownload until it is whole). */
  private static long csvFiles() {
    try (var files = Files.list(browser.downloads())) {
      return files.filter(f -> f.getFileName().toString().endsWith(".csv")).count();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void csv_download_is_built_by_the_server_opens_formula_text_as_text_and_is_audited() throws Exception {
    open("/map.html?indicator=houses_supported&boundaries=reported&year=2020");
    awaitChart("#map-panel");
    // the browser no longer builds CSV: no second, diverging implementation of the neutralising
    assertThat(browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/js/panel.js').then((m) => done(Object.keys(m).sort().join(',')));
        """)).isEqualTo("Panel,markPainted,renderTable");

    // a region named by a formula, through the panel's own CSV button
    browser.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        import('/js/panel.js').then((m) => {
          const section = document.createElement('section');
          section.id = 'injected-panel';
          document.body.appendChild(section);
          const panel = new m.Panel(section, { title: 'tiem-cong-thuc' });
          panel.show({}, { columns: ['Mã', 'Tên', 'Giá trị'], numeric: [false, false, true],
            rows: [['01', '=HYPERLINK("http://evil.example","Hà Nội")', -3.5], ['02', '@cmd', 4], ['03', '-3', -3]] },
            null, {});
          done(true);
        });
        """);
    click(browser.driver().findElement(By.cssSelector("#injected-panel button[data-download=csv]")));
    String csv = Files.readString(awaitDownload("tiem-cong-thuc.csv"), StandardCharsets.UTF_8);
    assertThat(csv).isEqualTo("\uFEFFMã,Tên,Giá trị\r\n01,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Hà Nội\"\")\",-3.5\r\n"
        + "02,'@cmd,4\r\n03,-3,-3\r\n");
    assertThat(browser.consoleErrors()).isEmpty();

    // the server recorded it: the table's title, the page, the rows
    AuditEvent recorded = AuditTrail.in(Lake.at(tmp.resolve("lake")).auditDir())
        .newest(new AuditFilter(null, null, AuditEvent.Action.DOWNLOAD), 1).events().get(0);
    assertThat(recorded.target()).isEqualTo(
        "csv: tiem-cong-thuc (/map.html?indicator=houses_supported&boundaries=reported&year=2020&level=province)");
    assertThat(recorded.rows()).isEqualTo(3L);
    assertThat(recorded.login()).isEqualTo(TestAccounts.ADMIN);
    assertThat(recorded.address()).isEqualTo("127.0.0.1");

    // and the access log page lists it, in Vietnamese
    open("/audit.html?action=download&limit=50");
    waitFor(By.cssSelector("#audit-table td"));
    assertThat(text("header nav a[aria-current=page]")).isEqualTo("Nhật ký truy cập");
    List<List<String>> shown = shownTable("#audit-table table");
    assertThat(shown.get(0)).containsExactly("Thời gian", "Tài khoản", "Vai trò", "Phạm vi", "Địa chỉ IP",
        "Hành động", "Đối tượng", "Kết quả", "Số dòng");
    assertThat(shown.get(1).subList(4, 9)).containsExactly("127.0.0.1", "Tải số liệu",
        "csv: tiem-cong-thuc (/map.html?indicator=houses_supported&boundaries=reported&year=2020&level=province)", "Thành công", "3");
    assertThat(shown.subList(1, shown.size())).allSatisfy(row -> assertThat(row.get(5)).isEqualTo("Tải số liệu"));
    assertThat(browser.consoleErrors()).isEmpty();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void screenshot(String name) {
    try {
      Files.write(Path.of("target", name), browser.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void open(String path) {
    browser.driver().get(server.url() + path.substring(1));
  }

  private static String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText().strip();
  }

  private static void click(WebElement e) {
    browser.js("arguments[0].scrollIntoView({block: 'center'})", e);
    e.click();
  }

  private static WebElement waitFor(By by) {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
      List<WebElement> found = d.findElements(by);
      return found.isEmpty() || found.get(0).getText().isBlank() ? null : found.get(0);
    });
  }

  private static void waitText(String css, String expected) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d ->
        !d.findElements(By.cssSelector(css)).isEmpty() && text(css).equals(expected));
  }

  /** Waits until the panel's chart has drawn data and nothing is loading. */
  private static void awaitChart(String panel) {
    new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> {
      List<Map<String, Object>> s = series(panel);
      return !s.isEmpty() && !data(s.get(0)).isEmpty() && text(panel + " .panel-status").isEmpty();
    });
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> series(String container, String... chartSelector) {
    String script = chartSelector.length == 0 ? SERIES : SERIES.replace("arguments[0] + ' .chart'",
        "arguments[0] + ' " + chartSelector[0] + "'");
    return (List<Map<String, Object>>) browser.js(script, container);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> data(Map<String, Object> series) {
    return (List<Object>) series.get("data");
  }

  /** A series' values as doubles (JSON numbers come back as Long or Double). */
  private static List<Double> numbers(Map<String, Object> series) {
    return data(series).stream().map(v -> v == null ? null : ((Number) v).doubleValue()).toList();
  }

  private static List<Double> years(java.util.function.IntFunction<Double> value) {
    List<Double> out = new ArrayList<>();
    for (int y = 2016; y <= 2025; y++) {
      out.add(value.apply(y));
    }
    return out;
  }

  /** The table as shown, header first; a number as its unformatted value, "—" (no data) as "". */
  @SuppressWarnings("unchecked")
  private static List<List<String>> shownTable(String css) {
    return (List<List<String>>) browser.js("""
        const t = document.querySelector(arguments[0]);
        return [...t.rows].map(r => [...r.cells].map(c =>
          c.dataset.value !== undefined ? c.dataset.value : c.classList.contains('no-data') ? '' : c.textContent));
        """, css);
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** The first download whose name ends with {@code suffix}. */
  private static Path awaitDownload(String suffix) throws Exception {
    Path folder = browser.downloads();
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> {
      try (var files = Files.list(folder)) {
        return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
      } catch (java.io.IOException e) {
        return null;
      }
    });
  }
}
