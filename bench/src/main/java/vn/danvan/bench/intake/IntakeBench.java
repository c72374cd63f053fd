package vn.danvan.bench.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.danvan.bench.query.BenchAccess;
import vn.danvan.bench.query.Latency;
import vn.danvan.catalogue.Indicator;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.contract.Table;
import vn.danvan.contract.Vocabulary;
import vn.danvan.contract.cli.LakeOption;
import vn.danvan.dashboard.DashboardServer;
import vn.danvan.warehouse.intake.ServedReferences;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;

/**
 * The dry run of an office's workbook through the server ({@code POST /api/intake/check}, multipart,
 * signed in with a token) on a lake: {@code --rows} report values of the provinces of 2024, every row
 * valid, as XLSX and, side by side in the same run, the same rows as CSV (the format's own cost).
 * Each answer must list the rows and no problem, or the run fails.
 */
@Command(name = "intake", mixinStandardHelpOptions = true,
    description = "Dry run of a --rows report_values workbook (XLSX) through the server, beside the same rows as CSV.")
public final class IntakeBench implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Mixin LakeOption lake;

  @Option(names = "--rows", defaultValue = "10000", description = "Rows of the file (default ${DEFAULT-VALUE}).")
  int rows;

  @Option(names = "--runs", defaultValue = "5", description = "Timed dry runs per format (default ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    Path root = lake.folder();
    List<List<String>> lines = rows(root);
    byte[] xlsx = xlsx(lines);
    byte[] csv = csv(lines);
    try (DashboardServer server = DashboardServer.start(Lake.at(root), "127.0.0.1", 0, Duration.ofHours(1),
        BenchAccess.control())) {
      HttpClient http = HttpClient.newHttpClient();
      check(http, server.url(), "bench.xlsx", xlsx); // untimed: the first request loads the regions
      long[][] samples = new long[2][runs];
      for (int i = 0; i < runs; i++) {
        samples[0][i] = check(http, server.url(), "report_values-bench.xlsx", xlsx);
        samples[1][i] = check(http, server.url(), "report_values-bench.csv", csv);
      }
      System.out.println(String.format(Locale.ROOT, "bench intake: dry run of %,d report_values rows through the"
          + " server (POST /api/intake/check), lake %s, %d runs", rows, root, runs));
      System.out.println(String.format(Locale.ROOT, "  XLSX %,10d bytes  %s", xlsx.length, Latency.ofNanos(samples[0])));
      System.out.println(String.format(Locale.ROOT, "  CSV  %,10d bytes  %s", csv.length, Latency.ofNanos(samples[1])));
    }
    return 0;
  }

  /** Valid rows: the provinces in force in 2024, the catalogue's landing indicators, whole values. */
  private List<List<String>> rows(Path root) {
    List<String> provinces;
    try (Warehouse warehouse = Warehouse.open(Lake.at(root))) {
      LocalDate first = LocalDate.of(2024, 1, 1);
      LocalDate last = LocalDate.of(2024, 6, 30);
      provinces = new ArrayList<>(new TreeSet<>(new ServedReferences(warehouse).unitsIn(RegionScope.country()).stream()
          .filter(u -> u.level().equals("province") && !u.validFrom().isAfter(first)
              && (u.validTo() == null || !u.validTo().isBefore(last)))
          .map(ServedReferences.Unit::code).toList()));
    }
    if (provinces.isEmpty()) {
      throw new IllegalStateException("the lake " + root + " has no province in force in 2024");
    }
    List<String> indicators = IndicatorCatalogue.load().landing().stream().map(Indicator::code).sorted().toList();
    List<String> units = new ArrayList<>(new TreeSet<>(Vocabulary.UNIT));
    List<List<String>> out = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      out.add(List.of(String.format(Locale.ROOT, "BENCH-%07d", i), provinces.get(i % provinces.size()), "2024-01-01",
          "2024-06-30", units.get(i % units.size()), indicators.get(i % indicators.size()), "",
          Integer.toString(i % 997), "BC " + (i % 50) + "/2024"));
    }
    return out;
  }

  private static byte[] xlsx(List<List<String>> lines) throws IOException {
    try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
      Sheet sheet = book.createSheet("report_values");
      List<String> header = Table.REPORT_VALUES.columnNames();
      Row top = sheet.createRow(0);
      for (int c = 0; c < header.size(); c++) {
        top.createCell(c).setCellValue(header.get(c));
      }
      for (int r = 0; r < lines.size(); r++) {
        Row row = sheet.createRow(r + 1);
        List<String> cells = lines.get(r);
        for (int c = 0; c < cells.size(); c++) {
          if (c == 7) {
            row.createCell(c).setCellValue(Double.parseDouble(cells.get(c)));
          } else if (!cells.get(c).isEmpty()) {
            row.createCell(c).setCellValue(cells.get(c));
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      book.dispose();
      return out.toByteArray();
    }
  }

  private static byte[] csv(List<List<String>> lines) throws IOException {
    StringBuilder text = new StringBuilder();
    try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180)) {
      printer.printRecord(Table.REPORT_VALUES.columnNames());
      for (List<String> line : lines) {
        printer.printRecord(line);
      }
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** One dry run; its wall time in nanoseconds. Fails unless every row was read and none has a problem. */
  private long check(HttpClient http, String base, String name, byte[] file) throws IOException, InterruptedException {
    String boundary = "----danvan" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    body.write(file);
    write(body, "\r\n--" + boundary + "--\r\n");
    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "api/intake/check"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .header("Authorization", "Bearer " + BenchAccess.TOKEN)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    long took = System.nanoTime() - t0;
    JsonNode answer = JSON.readTree(r.body());
    if (r.statusCode() != 200 || answer.path("problems").asInt(-1) != 0
        || answer.path("files").path(0).path("rows").asInt() != rows) {
      throw new IllegalStateException("dry run of " + name + ": " + r.statusCode() + " "
          + r.body().substring(0, Math.min(600, r.body().length())));
    }
    return took;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }
}
