package vn.danvan.dashboard.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.danvan.dashboard.review.Chromium;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}), headless,
 * with the review pack's flags ({@link Chromium#options}: off the network, out of the sandbox),
 * downloading into a folder of the caller's: never a browser Selenium would fetch itself. Shared
 * with the bench module through the dashboard's test-jar.
 */
public final class HeadlessChromium implements AutoCloseable {
  private final ChromeDriver driver;
  private final Path profile;
  private final Path downloads;

  private HeadlessChromium(ChromeDriver driver, Path profile, Path downloads) {
    this.driver = driver;
    this.profile = profile;
    this.downloads = downloads;
  }

  /** @throws IllegalStateException naming the Debian packages when Chromium is not installed */
  public static HeadlessChromium start(Path downloads, int width, int height) {
    if (!Chromium.installed()) {
      throw new IllegalStateException("headless Chromium is needed: apt-get install chromium chromium-driver ("
          + Chromium.BINARY + ", " + Chromium.DRIVER + ")");
    }
    try {
      Files.createDirectories(downloads);
      Path profile = Files.createTempDirectory("danvan-chromium");
      // the review pack's own browser, which also downloads and keeps the console's messages
      ChromeOptions options = Chromium.options(profile, width, height);
      options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
          "download.prompt_for_download", false, "safebrowsing.enabled", false));
      LoggingPreferences logs = new LoggingPreferences();
      logs.enable(LogType.BROWSER, Level.ALL);
      options.setCapability("goog:loggingPrefs", logs);
      ChromeDriver driver = Chromium.driver(options, width, height);
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new HeadlessChromium(driver, profile, downloads);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  public Path downloads() {
    return downloads;
  }

  /**
   * Signs in through the real login page of the server at {@code url} (its root, ending in /), as a
   * person would, and waits until the page it leads to has loaded: the session cookie then serves
   * every page this browser opens.
   */
  public void signIn(String url, String login, String password) {
    driver.get(url + "login.html?lang=vi");
    // the login page navigates away while the wait reads it: an element it found may be gone
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    wait.until(d -> d.findElement(By.id("login-submit")).isEnabled());
    driver.findElement(By.id("login")).sendKeys(login);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
    wait.until(d -> !d.getCurrentUrl().contains("/login.html") || !d.findElement(By.id("login-error")).getText().isEmpty());
    if (driver.getCurrentUrl().contains("/login.html")) {
      throw new IllegalStateException("could not sign in as " + login + ": "
          + driver.findElement(By.id("login-error")).getText());
    }
  }

  /** Runs {@code script} (its {@code return} value comes back as Java objects). */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits (polling, up to {@code seconds}) until the page's first chart has drawn. */
  public void awaitFirstChart(int seconds) {
    new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d ->
        Boolean.TRUE.equals(js("return performance.getEntriesByName('first-chart').length > 0")));
  }

  /** Waits (polling) until the page has drawn a chart and no request of its own is in flight. */
  public void awaitSettled(int seconds) {
    awaitFirstChart(seconds);
    new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d ->
        Boolean.TRUE.equals(js("return window.danvanPending !== undefined && window.danvanPending.count === 0")));
  }

  /** Milliseconds from navigation start to the first chart drawn. */
  public double firstChartMillis() {
    return ((Number) js("return performance.getEntriesByName('first-chart')[0].startTime")).doubleValue();
  }

  /** The console's messages since the last call, errors (SEVERE) first. */
  public List<LogEntry> consoleErrors() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // a profile left in /tmp is harmless
      }
    }
  }
}
