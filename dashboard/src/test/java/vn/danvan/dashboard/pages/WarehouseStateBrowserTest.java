package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.ServingCopy;
import vn.danvan.warehouse.query.WarehouseOptions;

/**
 * The two 503s a reader can meet, each told in its own words by the page and by its code in the
 * JSON: a warehouse whose one connection another read holds ({@code busy}: the page tries again), and a lake
 * with nothing published yet ({@code no_snapshot}: load first). Before the codes, the page said
 * "no data yet, load the warehouse" for both.
 */
class WarehouseStateBrowserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUSY_VI = "Kho số liệu vẫn bận, chưa trả lời được: thử lại sau ít phút.";
  private static final String RETRYING_VI = "Kho số liệu đang bận: trang sẽ tự hỏi lại sau 5 giây…";
  private static final String NO_SNAPSHOT_VI = "Chưa có dữ liệu: kho chưa được nạp lần nào (bin/danvan load).";

  @TempDir static Path tmp;
  static HeadlessChromium browser;

  @BeforeAll
  static void start() {
    browser = HeadlessChromium.start(tmp.resolve("downloads"), 1366, 768);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * A page asks a busy warehouse again by itself after its Retry-After (5 s), twice, saying so under
   * its header; it shows the busy error only when the third answer is busy too, and draws without a
   * reload when the warehouse is free by the next try.
   */
  @Test
  void a_page_asks_a_busy_warehouse_again_by_itself_and_draws_once_it_is_free() throws Exception {
    PageFixture.write(tmp.resolve("lake"));
    // one connection, and a read waits half a second for it before the 503
    WarehouseOptions one = new WarehouseOptions(1, WarehouseOptions.INTERACTIVE_TIMEOUT, Duration.ofMillis(500),
        WarehouseOptions.DEFAULT_MEMORY_LIMIT_MIB, 1, ServingCopy.DASHBOARD);
    try (DashboardServer server = DashboardServer.start(Lake.at(tmp.resolve("lake")), "127.0.0.1", 0,
        Duration.ofMinutes(10), List.of(), AccessControl.of(TestAccounts.standard(), new RecordingAudit()), one, null)) {
      browser.signIn(server.url(), TestAccounts.ADMIN, TestAccounts.PASSWORD);
      browser.awaitSettled(30); // the page signing in led to asks nothing more of the one connection
      CountDownLatch holding = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<String> held = CompletableFuture.supplyAsync(() ->
          server.warehouse().read(RegionScope.country(), s -> {
            holding.countDown();
            await(release);
            return s.snapshot().id();
          }));
      try {
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> series = get(server, "/api/series?indicator=" + PageFixture.INDICATOR + "&region=VN");
        assertThat(series.statusCode()).isEqualTo(503);
        assertThat(series.headers().firstValue("Retry-After")).hasValue("5");
        JsonNode error = JSON.readTree(series.body());
        assertThat(error.get("code").asText()).isEqualTo("busy");
        assertThat(error.get("error").asText())
            .isEqualTo("the warehouse is busy, try again: the one warehouse connection stayed busy for 0.5 s");

        // busy through all three tries: the notice while the page waits, then the error in its words
        long opened = System.nanoTime();
        browser.driver().get(server.url() + "?lang=vi");
        awaitText("retry-notice", RETRYING_VI);
        awaitText("overview-status", BUSY_VI);
        // two waits of the Retry-After's 5 s came before it
        assertThat(Duration.ofNanos(System.nanoTime() - opened)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(browser.driver().findElement(By.id("retry-notice")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("overview-status")).getAttribute("class")).contains("error");
        assertThat(browser.driver().findElement(By.id("headline-title")).getText()).isEmpty();

        // busy at first, free while the page waits: the next try draws the figures, with no reload
        browser.driver().get(server.url() + "?lang=en");
        awaitText("retry-notice", "The warehouse is busy: the page will ask again in 5 s…");
        browser.js("window.sameDocument = true");
        release.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS)).isEqualTo(PageFixture.SNAPSHOT);
        browser.awaitSettled(30);
        assertThat(browser.js("return window.sameDocument === true")).isEqualTo(true);
        assertThat(browser.driver().findElement(By.id("headline-title")).getText()).startsWith("Headline indicators, ");
        assertThat(browser.driver().findElement(By.id("overview-status")).getText()).isEmpty();
        assertThat(browser.driver().findElement(By.id("retry-notice")).isDisplayed()).isFalse();
      } finally {
        release.countDown();
      }

      // free: the page draws at its first try, and no notice is made
      browser.driver().get(server.url() + "?lang=vi");
      browser.awaitSettled(30);
      assertThat(browser.driver().findElement(By.id("overview-status")).getText()).isEmpty();
      assertThat(browser.driver().findElement(By.id("headline-title")).getText()).startsWith("Chỉ tiêu chủ yếu năm ");
      assertThat(browser.driver().findElements(By.id("retry-notice"))).isEmpty();
      assertThat(get(server, "/api/series?indicator=" + PageFixture.INDICATOR + "&region=VN").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void a_page_says_nothing_is_loaded_yet_before_the_first_load() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty-lake"));
    try (DashboardServer server = DashboardServer.start(Lake.at(empty), "127.0.0.1", 0, Duration.ofMinutes(10),
        AccessControl.of(TestAccounts.standard(), new RecordingAudit()))) {
      HttpResponse<String> health = get(server, "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(health.body()).get("status").asText()).isEqualTo("no_data");
      assertThat(JSON.readTree(health.body()).get("code").asText()).isEqualTo("no_snapshot");
      HttpResponse<String> series = get(server, "/api/series?indicator=" + PageFixture.INDICATOR + "&region=VN");
      assertThat(series.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(series.body()).get("code").asText()).isEqualTo("no_snapshot");
      assertThat(series.headers().firstValue("Retry-After")).isEmpty();

      browser.signIn(server.url(), TestAccounts.ADMIN, TestAccounts.PASSWORD);
      browser.driver().get(server.url() + "?lang=vi");
      awaitText("overview-status", NO_SNAPSHOT_VI);
      browser.driver().get(server.url() + "trends.html?lang=vi");
      awaitText("trend-panel .panel-status", NO_SNAPSHOT_VI);
    }
  }

  /** A GET as the viewer: a client of its own, whose share of the connections the browser's admin does not take. */
  private static HttpResponse<String> get(DashboardServer server, String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .header("Authorization", "Bearer " + TestAccounts.VIEWER_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void awaitText(String idOrCss, String expected) {
    By by = idOrCss.contains(" ") ? By.cssSelector("#" + idOrCss) : By.id(idOrCss);
    WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(30));
    wait.withMessage(() -> idOrCss + " says \"" + browser.driver().findElements(by).stream().map(e -> e.getText())
        .findFirst().orElse("(absent)") + "\", not \"" + expected + "\"");
    wait.until(d -> !d.findElements(by).isEmpty() && d.findElement(by).getText().strip().equals(expected));
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
