package vn.danvan.dashboard.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.audit.Audits;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.DashboardApp;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.export.CsvExport;
import vn.danvan.dashboard.export.TableExport;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.ServingCopy;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;

/**
 * Makes the review pack: starts the dashboard in-process on an ephemeral port of 127.0.0.1 over the
 * given warehouse (a release's pinned snapshot), with one account of the caller's scope, opens
 * {@code /review.html} in print mode in headless Chromium, waits for the page to say every chart
 * has drawn, and prints it with DevTools' {@code Page.printToPDF} (A4, the page's own margins,
 * page numbers and the release in the footer). From the same page it takes the blocks it rendered
 * and a PNG of each chart for the Word document, and every table's rows for the CSV files.
 */
public final class ReviewPack {
  public static final String PDF = "review.pdf";
  public static final String DOCX = "review.docx";
  /** A4 at 96 CSS pixels per inch: what the page lays out for. */
  private static final int WIDTH = 794;
  private static final int HEIGHT = 1123;
  private static final Duration READY = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ReviewPack.class);

  /** What a pack is of: the region, the year, the language and the release cited (null: CURRENT). */
  public record Request(String region, int year, String lang, Release release) {
    public Request {
      Objects.requireNonNull(region, "region");
      if (!lang.equals("vi") && !lang.equals("en")) {
        throw new IllegalArgumentException("--lang must be vi or en, not '" + lang + "'");
      }
    }
  }

  /**
   * The files written, how long the build took and, of that, how long the release took to open
   * ({@link Duration#ZERO} when the warehouse was given).
   */
  public record Result(Path pdf, Path docx, List<Path> csv, Duration took, Duration opening) {}

  private final Warehouse warehouse;
  private final IndicatorCatalogue catalogue;
  private final Clock clock;

  public ReviewPack(Warehouse warehouse, IndicatorCatalogue catalogue, Clock clock) {
    this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Whether this machine has the browser a pack is printed with. */
  public static boolean printable() {
    return Chromium.installed();
  }

  /** Why a pack cannot be printed here. */
  public static String notPrintable() {
    return Chromium.missing();
  }

  /**
   * Writes {@value #PDF}, {@value #DOCX} and one CSV per table into {@code out} for {@code login}
   * of {@code scope}.
   */
  public Result build(String login, RegionScope scope, Request request, Path out) {
    // the browser starts (seconds) while the server does
    return build(browser(), System.nanoTime(), Duration.ZERO, login, scope, request, out);
  }

  /**
   * The pack of {@code request}'s release read from its frozen snapshot, as {@code review pack}
   * builds it: the browser starts while the release opens, with only the yearly figures the pack
   * reads copied into memory ({@link ServingCopy#YEARLY_BATCH}: its trends, rankings and maps are
   * yearly).
   */
  public static Result ofRelease(Lake lake, IndicatorCatalogue catalogue, Clock clock, String login,
      RegionScope scope, Request request, Path out) {
    Objects.requireNonNull(request.release(), "a release");
    long started = System.nanoTime();
    CompletableFuture<Chromium> starting = browser();
    try (Warehouse pinned = Warehouse.pinned(lake, Releases.of(lake).snapshot(request.release()),
        WarehouseOptions.defaults().withServing(ServingCopy.YEARLY_BATCH))) {
      return new ReviewPack(pinned, catalogue, clock).build(starting, started,
          Duration.ofNanos(System.nanoTime() - started), login, scope, request, out);
    } catch (RuntimeException e) {
      starting.thenAccept(Chromium::close);
      throw e;
    }
  }

  private static CompletableFuture<Chromium> browser() {
    return CompletableFuture.supplyAsync(() -> Chromium.start(WIDTH, HEIGHT));
  }

  private Result build(CompletableFuture<Chromium> starting, long started, Duration opening, String login,
      RegionScope scope, Request request, Path out) {
    PackCaller caller = new PackCaller(login, scope);
    Javalin app = DashboardApp.create(warehouse, catalogue, AccessControl.of(caller, Audits.none()));
    try {
      Files.createDirectories(out);
      app.start("127.0.0.1", 0);
      try (Chromium browser = starting.join()) {
        LOG.info("review pack {} {}: browser started after {} ms", request.region(), request.year(), since(started));
        browser.authorize(caller.token());
        browser.driver().get("http://127.0.0.1:" + app.port() + "/review.html?" + query(request));
        String state = (String) new WebDriverWait(browser.driver(), READY).until(d -> {
          Object s = browser.js("return window.reviewState || null");
          return s != null && !s.equals("loading") ? s : null;
        });
        if (!state.equals("ready")) {
          throw new IllegalStateException("the review page could not be built: " + state);
        }
        LOG.info("review pack {} {}: page ready after {} ms", request.region(), request.year(), since(started));
        JsonNode export = JSON.readTree((String) browser.js("return JSON.stringify(window.reviewExport())"));
        Map<String, byte[]> charts = charts(JSON.readTree((String) browser.js("return JSON.stringify(window.reviewImages())")));
        // Word and CSV are written here while Chromium prints
        Path docx = out.resolve(DOCX);
        CompletableFuture<List<Path>> written = CompletableFuture.supplyAsync(() -> {
          try {
            PackDocx.write(export, charts, docx);
            return csv(export, out);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
        Path pdf = out.resolve(PDF);
        PackPdf.write(print(browser, export), pdf, export.path("title").asText(), export.path("subject").asText(),
            export.path("keywords").asText(), metadata(request.release()), clock.instant());
        LOG.info("review pack {} {}: printed after {} ms", request.region(), request.year(), since(started));
        List<Path> csv = written.join();
        LOG.info("review pack {} {}: Word and CSV written after {} ms", request.region(), request.year(), since(started));
        return new Result(pdf, docx, csv, Duration.ofNanos(System.nanoTime() - started), opening);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    } finally {
      // a browser that started after a failure elsewhere is not left running
      starting.thenAccept(Chromium::close);
      app.stop();
    }
  }

  private static long since(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }

  private static String query(Request r) {
    StringBuilder q = new StringBuilder("region=").append(URLEncoder.encode(r.region(), StandardCharsets.UTF_8))
        .append("&year=").append(r.year()).append("&lang=").append(r.lang()).append("&print=1");
    if (r.release() != null) {
      q.append("&release=").append(URLEncoder.encode(r.release().name(), StandardCharsets.UTF_8));
    }
    return q.toString();
  }

  private static Map<String, String> metadata(Release release) {
    Map<String, String> custom = new LinkedHashMap<>();
    if (release != null) {
      custom.put(PackPdf.RELEASE, release.name());
      custom.put(PackPdf.SNAPSHOT, release.snapshot());
      custom.put(PackPdf.MANIFEST, release.manifestSha256());
    }
    return custom;
  }

  /** DevTools' print-to-PDF: A4 from the page's {@code @page}, backgrounds, "Trang X / Y" and the release below. */
  private static byte[] print(Chromium browser, JsonNode export) {
    String footer = "<div style=\"width:100%;font:8pt 'Noto Sans','DejaVu Sans',sans-serif;color:#555;"
        + "padding:0 12mm;display:flex;justify-content:space-between\"><span>" + escape(export.path("footer").asText())
        + "</span><span>" + escape(export.path("page").asText("Trang")) + " <span class=\"pageNumber\"></span> / "
        + "<span class=\"totalPages\"></span></span></div>";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("printBackground", true);
    params.put("displayHeaderFooter", true);
    params.put("headerTemplate", "<span></span>");
    params.put("footerTemplate", footer);
    params.put("preferCSSPageSize", true);
    params.put("paperWidth", 8.27);
    params.put("paperHeight", 11.69);
    Map<String, Object> answer = browser.driver().executeCdpCommand("Page.printToPDF", params);
    return Base64.getDecoder().decode((String) answer.get("data"));
  }

  private static Map<String, byte[]> charts(JsonNode images) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    images.fields().forEachRemaining(e -> {
      String url = e.getValue().asText();
      int comma = url.indexOf(',');
      if (url.startsWith("data:image/png;base64,")) {
        out.put(e.getKey(), Base64.getDecoder().decode(url.substring(comma + 1)));
      }
    });
    return out;
  }

  /** Every table of the document as CSV (UTF-8 with a BOM), numbers unformatted, numbered in order. */
  private static List<Path> csv(JsonNode export, Path out) throws IOException {
    List<Path> files = new ArrayList<>();
    int n = 0;
    for (JsonNode block : export.path("blocks")) {
      if (!block.path("type").asText().equals("table")) {
        continue;
      }
      List<String> columns = new ArrayList<>();
      block.path("columns").forEach(c -> columns.add(c.asText()));
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode row : block.path("rows")) {
        List<Object> cells = new ArrayList<>();
        row.forEach(c -> cells.add(c.isNull() ? null : c.isNumber() ? (Object) c.numberValue() : c.asText()));
        rows.add(cells);
      }
      TableExport table = new TableExport(block.path("title").asText(), export.path("keywords").asText(),
          export.path("snapshot").asText(), columns, rows, null);
      Path file = out.resolve(String.format("%02d-%s.csv", ++n, block.path("id").asText()));
      Files.write(file, CsvExport.csv(table));
      files.add(file);
    }
    return files;
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
