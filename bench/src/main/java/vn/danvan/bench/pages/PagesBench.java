package vn.danvan.bench.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.logging.LogEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.bench.query.BenchAccess;
import vn.danvan.bench.query.Latency;
import vn.danvan.contract.Lake;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.dashboard.pages.HeadlessChromium;

/**
 * {@code bench pages}: time to first chart painted, in headless Chromium on loopback, for the
 * Overview and Trends pages over a real lake, beside a floor page that draws one ECharts chart of
 * the same size from data already in the page (the cost of the browser and ECharts alone). Every
 * page is also checked for console errors, and with {@code --screenshots DIR} each page is saved
 * at 1366×768 (the map twice: with the lake's imported boundaries and as the built-in tile grid).
 */
@Command(name = "pages", mixinStandardHelpOptions = true,
    description = "Page-load time (first chart painted) of Overview and Trends beside an ECharts-only floor page; "
        + "console errors of every page; optional screenshots.")
public final class PagesBench implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Option(names = "--runs", defaultValue = "20", description = "Timed loads per page (default ${DEFAULT-VALUE}).")
  int runs;

  @Option(names = "--screenshots", paramLabel = "DIR", description = "Also save every page as DIR/<page>.png.")
  Path screenshots;

  @Option(names = "--out", defaultValue = "data/bench/bench-pages.json", description = "JSON result (default ${DEFAULT-VALUE}).")
  Path out;

  /** The pages a person opens, as the README's screenshots show them. */
  static final Map<String, String> PAGES = pages();

  private static Map<String, String> pages() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("overview", "?lang=vi");
    p.put("trends", "trends.html?indicator=houses_supported&regions=01,79,48,31&boundaries=2025&trend=true");
    p.put("map", "map.html?indicator=houses_supported&boundaries=2025");
    p.put("region", "region.html?code=01&boundaries=2025&indicator=houses_supported");
    p.put("survey", "survey.html?indicator=trust_local_government&region=VN&boundaries=2025");
    p.put("outreach", "outreach.html?region=VN&boundaries=reported&by=platform&metric=interactions");
    p.put("overview-en", "?lang=en");
    return p;
  }

  @Override
  public Integer call() throws Exception {
    Path root = lake.folder();
    Path tmp = Files.createTempDirectory("danvan-bench-pages");
    HttpServer floor = floorServer();
    try (DashboardServer server = DashboardServer.start(Lake.at(root), "127.0.0.1", 0, Duration.ofMinutes(10),
        BenchAccess.control());
        HeadlessChromium browser = HeadlessChromium.start(tmp.resolve("downloads"), 1366, 768)) {
      String base = server.url();
      browser.signIn(base, BenchAccess.LOGIN, BenchAccess.PASSWORD);
      String floorUrl = "http://127.0.0.1:" + floor.getAddress().getPort() + "/?echarts="
          + java.net.URLEncoder.encode(base + "vendor/echarts.min.js", StandardCharsets.UTF_8);
      List<String> errors = new ArrayList<>();
      for (Map.Entry<String, String> page : PAGES.entrySet()) {
        load(browser, base + page.getValue());
        browser.awaitSettled(60);
        for (LogEntry e : browser.consoleErrors()) {
          errors.add(page.getKey() + ": " + e.getMessage());
        }
        if (screenshots != null) {
          Files.createDirectories(screenshots);
          Files.write(screenshots.resolve(page.getKey() + ".png"), browser.driver().getScreenshotAs(OutputType.BYTES));
        }
      }
      if (screenshots != null) {
        tileGridScreenshot(root, browser, tmp);
        browser.signIn(base, BenchAccess.LOGIN, BenchAccess.PASSWORD); // the other server's cookie replaced ours
      }
      load(browser, base + "?lang=vi"); // the first load also compiles the scripts: untimed
      Map<String, Latency> results = new LinkedHashMap<>();
      long[][] samples = new long[3][runs];
      for (int i = 0; i < runs; i++) {
        samples[0][i] = load(browser, base + PAGES.get("overview"));
        samples[1][i] = load(browser, base + PAGES.get("trends"));
        samples[2][i] = load(browser, floorUrl);
      }
      results.put("overview", Latency.ofNanos(samples[0]));
      results.put("trends", Latency.ofNanos(samples[1]));
      results.put("floor (ECharts only)", Latency.ofNanos(samples[2]));
      System.out.println("bench pages: first chart painted, headless Chromium on loopback, lake " + root);
      results.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "  %-22s %s", k, v)));
      double floorP50 = results.get("floor (ECharts only)").p50Millis();
      System.out.println(String.format(Locale.ROOT, "  overview / floor at p50: %.2f; trends / floor at p50: %.2f",
          results.get("overview").p50Millis() / floorP50, results.get("trends").p50Millis() / floorP50));
      System.out.println("  console errors: " + (errors.isEmpty() ? "none" : errors));
      Files.createDirectories(out.toAbsolutePath().getParent());
      new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(),
          Map.of("lake", root.toString(), "runs", runs, "latency", results, "console_errors", errors));
      return errors.isEmpty() ? 0 : 1;
    } finally {
      floor.stop(0);
    }
  }

  /** Loads a page fresh and returns its time to first chart, in nanoseconds. */
  private static long load(HeadlessChromium browser, String url) {
    browser.driver().get("about:blank");
    browser.driver().get(url);
    browser.awaitFirstChart(60);
    return Math.round(browser.firstChartMillis() * 1e6);
  }

  /** The map as a lake without imported boundaries shows it: the same snapshots, no geo folder. */
  private void tileGridScreenshot(Path root, HeadlessChromium browser, Path tmp) throws IOException {
    Path view = tmp.resolve("lake-without-geo");
    Files.createDirectories(view);
    Files.createSymbolicLink(view.resolve("CURRENT"), root.resolve("CURRENT").toAbsolutePath());
    Files.createSymbolicLink(view.resolve("snapshots"), root.resolve("snapshots").toAbsolutePath());
    try (DashboardServer plain = DashboardServer.start(Lake.at(view), "127.0.0.1", 0, Duration.ofMinutes(10),
        BenchAccess.control())) {
      browser.signIn(plain.url(), BenchAccess.LOGIN, BenchAccess.PASSWORD);
      load(browser, plain.url() + PAGES.get("map"));
      browser.awaitSettled(60);
      Files.write(screenshots.resolve("map-tilegrid.png"), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
  }

  /** The floor: one page drawing three ten-point lines with the same ECharts build. */
  private static HttpServer floorServer() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.createContext("/", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String src = java.net.URLDecoder.decode(query.substring(query.indexOf('=') + 1), StandardCharsets.UTF_8);
      byte[] body = ("<!doctype html><html><head><meta charset=utf-8><link rel=icon href='data:,'>"
          + "<script src='" + src + "'></script></head><body><div id=c style='width:1000px;height:460px'></div><script>"
          + "const c = echarts.init(document.getElementById('c'));"
          + "c.on('finished', () => performance.getEntriesByName('first-chart').length || performance.mark('first-chart'));"
          + "const x = [...Array(10).keys()].map(i => String(2016 + i));"
          + "c.setOption({animation: false, legend: {}, tooltip: {trigger: 'axis'}, xAxis: {type: 'category', data: x},"
          + "yAxis: {type: 'value'}, series: [0, 1, 2].map(k => ({type: 'line', name: 's' + k,"
          + "data: x.map((_, i) => 1000 * k + 37 * i)}))});"
          + "</script></body></html>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
    return http;
  }
}
