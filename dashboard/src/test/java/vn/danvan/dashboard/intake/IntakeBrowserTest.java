package vn.danvan.dashboard.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.AuditEvent;
import vn.danvan.contract.intake.SubmissionWatcher;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.Account;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.Role;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.dashboard.pages.HeadlessChromium;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * "Nạp số liệu" as a reporter of Hà Nội uses it, in headless Chromium: download the template, fill
 * it with one good row and three planted mistakes, upload it, read the three problems in
 * Vietnamese with their row numbers, send it anyway, and after the load see the submission's
 * counts. The load is simulated by writing what {@code load --submissions} publishes: the
 * snapshot's load report listing the submission with its rows.
 */
class IntakeBrowserTest {
  static final String REPORTER = "reporter.hn";

  @TempDir static Path tmp;
  static final RecordingAudit audit = new RecordingAudit();
  static DashboardServer server;
  static HeadlessChromium browser;

  @BeforeAll
  static void start() {
    PageFixture.write(tmp.resolve("lake"));
    TestAccounts accounts = TestAccounts.standard()
        .add(new Account(REPORTER, Role.REPORTER, new RegionScope("01"), false, false), TestAccounts.PASSWORD, null);
    server = DashboardServer.start(Lake.at(tmp.resolve("lake")), "127.0.0.1", 0, Duration.ofMinutes(10),
        AccessControl.of(accounts, audit));
    browser = HeadlessChromium.start(tmp.resolve("downloads"), 1366, 900);
    browser.signIn(server.url(), REPORTER, TestAccounts.PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (server != null) {
      server.close();
    }
  }

  static WebDriverWait await() {
    return new WebDriverWait(browser.driver(), Duration.ofSeconds(20));
  }

  static String text(String css) {
    return browser.driver().findElement(By.cssSelector(css)).getText();
  }

  @Test
  void a_reporter_downloads_the_template_uploads_three_mistakes_reads_them_sends_and_sees_the_counts()
      throws Exception {
    browser.driver().get(server.url() + "intake.html?lang=vi");
    await().until(d -> d.findElements(By.cssSelector("#table option")).size() == 4);
    assertThat(text("header nav")).contains("Nạp số liệu");

    browser.driver().findElement(By.id("template-link")).click();
    Path template = browser.downloads().resolve("report_values-01.xlsx");
    await().until(d -> Files.isRegularFile(template) && !Files.exists(template.resolveSibling(
        template.getFileName() + ".crdownload")));

    Path filled = tmp.resolve("bao-cao-6-thang.xlsx");
    Files.write(filled, Uploads.filled(Files.readAllBytes(template), List.of(
        List.of("BC-01-001", "00004", "2024-01-01", "2024-06-30", "mobilization_board", "models_new", "", 12, ""),
        List.of("BC-01-002", "00004", "2024-01-01", "2024-13-30", "mobilization_board", "models_new", "", 3, ""),
        List.of("BC-01-003", "00004", "2024-01-01", "2024-06-30", "army", "models_new", "", 4, ""),
        List.of("BC-01-004", "00004", "2024-01-01", "2024-06-30", "police", "gifts", "", -20, ""))));
    browser.driver().findElement(By.id("files")).sendKeys(filled.toString());
    browser.driver().findElement(By.id("check")).click();
    await().until(d -> d.findElements(By.cssSelector("#problems tbody tr")).size() == 3);
    List<List<String>> rows = browser.driver().findElements(By.cssSelector("#problems tbody tr")).stream()
        .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList()).toList();
    assertThat(rows).extracting(r -> r.get(2) + " " + r.get(3) + " " + r.get(6))
        .containsExactly("3 period_end bad_type:period_end", "4 unit unknown_vocabulary:unit",
            "5 value negative_value:value");
    assertThat(rows.get(0).get(5)).contains("không đúng kiểu").contains("YYYY-MM-DD");
    assertThat(rows.get(1).get(5)).contains("«army»").contains("danh mục");
    assertThat(rows.get(2).get(5)).contains("không được âm");
    assertThat(rows).allMatch(r -> r.get(0).equals("bao-cao-6-thang.xlsx") && r.get(1).equals("report_values"));
    assertThat(text("#check-status")).contains("3 lỗi trong 4 dòng");
    Path shot = Path.of("target", "intake-dry-run.png");
    Files.write(shot, browser.driver().getScreenshotAs(OutputType.BYTES));

    browser.driver().findElement(By.id("accept")).click();
    browser.driver().findElement(By.id("send")).click();
    await().until(d -> text("#send-status").startsWith("Đã gửi"));
    await().until(d -> text("#submissions").contains("Đang chờ nạp"));
    String id = text("#send-status").replaceAll(".*\\((sub-[0-9a-f]+)\\).*", "$1");

    // what load --submissions publishes: the snapshot's report lists the submission and its rows
    TestLake.in(tmp.resolve("lake")).loadReport(snapshot(), "{\"snapshot\":\"" + snapshot()
        + "\",\"submissions\":{\"" + id + "\":{\"report_values\":{\"read\":4,\"landed\":1,\"quarantined\":3}}}}");
    browser.driver().navigate().refresh();
    await().until(d -> text("#submissions").contains("Đã nạp vào bản chụp " + snapshot()));
    List<String> cells = browser.driver().findElements(By.cssSelector("#submissions tbody tr:first-child td"))
        .stream().map(WebElement::getText).toList();
    assertThat(cells.subList(4, 7)).containsExactly("4", "1", "3");
    assertThat(browser.consoleErrors()).extracting(e -> e.getMessage()).isEmpty();
    assertThat(audit.events()).extracting(e -> e.action() + " " + e.login())
        .contains(AuditEvent.Action.TEMPLATE + " " + REPORTER, AuditEvent.Action.UPLOAD + " " + REPORTER,
            AuditEvent.Action.DRY_RUN + " " + REPORTER, AuditEvent.Action.SUBMISSION + " " + REPORTER);
  }

  /**
   * An admin's "Nạp các lần gửi đang chờ" while a watcher runs on the lake: the page says in
   * Vietnamese that the watcher loads them, not an error, and no load is started. Once it has
   * ended, this server (not started by bin/danvan) says what to run on it, not "no snapshot".
   */
  @Test
  void an_admin_reads_that_a_running_watcher_loads_the_submissions() throws Exception {
    try (HeadlessChromium admin = HeadlessChromium.start(tmp.resolve("admin-downloads"), 1366, 900)) {
      admin.signIn(server.url(), TestAccounts.ADMIN, TestAccounts.PASSWORD);
      admin.driver().get(server.url() + "intake.html?lang=vi");
      WebDriverWait wait = new WebDriverWait(admin.driver(), Duration.ofSeconds(20));
      wait.until(d -> d.findElement(By.id("load")).isDisplayed());
      WebElement status = admin.driver().findElement(By.id("load-status"));
      try (SubmissionWatcher watcher = SubmissionWatcher.mark(Lake.at(tmp.resolve("lake")),
          new SubmissionWatcher.Running(4242, Instant.parse("2026-12-06T07:00:00Z")))) {
        admin.driver().findElement(By.id("load")).click();
        wait.until(d -> !status.getText().isEmpty());
        assertThat(status.getText()).isEqualTo("Không bắt đầu lần nạp mới: tiến trình theo dõi (load --submissions"
            + " --watch) đang chạy và tự nạp các lần gửi ngay khi chúng đến.");
        assertThat(status.getAttribute("class")).doesNotContain("error");
        // opened while the watcher runs: no button, and the page says who loads the submissions
        admin.driver().get(server.url() + "intake.html?lang=vi");
        wait.until(d -> d.findElement(By.id("load-status")).getText().startsWith("Tiến trình theo dõi"));
        assertThat(admin.driver().findElement(By.id("load-status")).getText())
            .startsWith("Tiến trình theo dõi (load --submissions --watch, pid 4242, chạy từ ")
            .contains("14:00").endsWith(") tự nạp các lần gửi ngay khi chúng đến.");
        assertThat(admin.driver().findElement(By.id("load")).isDisplayed()).isFalse();
      }
      admin.driver().get(server.url() + "intake.html?lang=vi");
      wait.until(d -> d.findElement(By.id("load")).isDisplayed());
      WebElement after = admin.driver().findElement(By.id("load-status"));
      assertThat(after.getText()).isEmpty();
      admin.driver().findElement(By.id("load")).click();
      wait.until(d -> after.getText().contains("bin/danvan"));
      assertThat(after.getText()).contains("this server cannot start a load itself")
          .endsWith("run on the server: bin/danvan load --submissions --lake " + tmp.resolve("lake"));
      assertThat(after.getAttribute("class")).contains("error");
      assertThat(admin.consoleErrors()).extracting(e -> e.getMessage()).allMatch(m -> m.matches("(?s).*(409|503).*"));
    }
    assertThat(audit.events()).extracting(e -> e.action() + " " + e.login())
        .doesNotContain(AuditEvent.Action.SUBMISSION + " " + TestAccounts.ADMIN);
  }

  private static String snapshot() {
    return Lake.at(tmp.resolve("lake")).current().orElseThrow();
  }
}
