package vn.danvan.dashboard.review;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}),
 * driven by Selenium with the driver named explicitly: Selenium Manager never downloads a browser
 * (users' networks may be closed). The flags keep Chromium off the network and out of the sandbox.
 * The page tests start their browser with the same {@link #options}, so what they see is what the
 * pack prints.
 */
public final class Chromium implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/bin/chromium");
  public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final Path profile;
  private boolean closed;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Whether this machine can print a pack. */
  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  static String missing() {
    return "the review pack is printed by headless Chromium, which is not installed on the server: "
        + "apt-get install chromium chromium-driver (" + BINARY + ", " + DRIVER + ")";
  }

  /** A browser whose viewport is {@code width}×{@code height} CSS pixels. */
  static Chromium start(int width, int height) {
    if (!installed()) {
      throw new IllegalStateException(missing());
    }
    Path profile;
    try {
      profile = Files.createTempDirectory("danvan-review-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeDriver driver;
    try {
      driver = driver(options(profile, width, height), width, height);
    } catch (RuntimeException e) {
      deleteTree(profile);
      throw e;
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return new Chromium(driver, profile);
  }

  /**
   * Headless Debian Chromium, off the network, with its profile in {@code profile} and a window of
   * {@code width}×{@code height}.
   */
  public static ChromeOptions options(Path profile, int width, int height) {
    return new ChromeOptions().setBinary(BINARY.toFile()).addArguments("--headless=new",
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=vi-VN");
  }

  /**
   * Debian's ChromeDriver driving {@code options}' browser with a page (not only a window, which
   * counts browser chrome even headless) of {@code width}×{@code height}.
   */
  public static ChromeDriver driver(ChromeOptions options, int width, int height) {
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    return driver;
  }

  ChromeDriver driver() {
    return driver;
  }

  /** Sends {@code Authorization: Bearer token} with every request of this browser. */
  void authorize(String token) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Bearer " + token)));
  }

  Object js(String script) {
    return driver.executeScript(script);
  }

  /** Quits the browser once; closing again does nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  /** Deletes a temporary folder (a profile, a pack's files) as best it can: one left in /tmp is harmless. */
  static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // best effort
    }
  }
}
