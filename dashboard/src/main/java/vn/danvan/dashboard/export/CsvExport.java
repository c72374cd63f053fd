package vn.danvan.dashboard.export;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code POST /api/export/csv}: the table a page shows as CSV (RFC 4180, UTF-8 with a byte order
 * mark so that Excel reads Vietnamese right). Text a spreadsheet would take for a formula (starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return: names come from files
 * provincial offices write) gets a leading {@code '}, as OWASP's "CSV Injection" advice says, so
 * that it opens as text; a plain number, a negative one too, stays a number.
 */
public final class CsvExport {
  public static final String MEDIA_TYPE = "text/csv; charset=utf-8";

  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\\t\\r]");
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  private final DownloadAudit audit;

  /** The export, recording each download in {@code audit}. */
  public CsvExport(DownloadAudit audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  public void post(Context ctx) {
    TableExport table = TableExport.of(ctx);
    byte[] bytes = csv(table);
    // recorded before the answer: a download the trail could not record is not handed out
    audit.record(ctx, "csv", table);
    ctx.contentType(MEDIA_TYPE).header("Content-Disposition", TableExport.attachment(table.title(), "csv"))
        .result(bytes);
  }

  /** The table's header and rows as CSV bytes, byte order mark first, lines ending in CRLF. */
  public static byte[] csv(TableExport table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
      out.write('\uFEFF');
      printer.printRecord(cells(table.columns()));
      for (List<Object> row : table.rows()) {
        printer.printRecord(cells(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static List<Object> cells(List<?> values) {
    List<Object> cells = new ArrayList<>(values.size());
    for (Object value : values) {
      cells.add(cell(value));
    }
    return cells;
  }

  /**
   * One cell as written: null stays empty, a number is written plainly (no exponent, no trailing
   * {@code .0}), text that could start a formula is prefixed with {@code '}.
   */
  public static Object cell(Object value) {
    if (value == null || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Double || value instanceof Float) {
      return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number n && (n instanceof Integer || n instanceof Long || n instanceof BigInteger
        || n instanceof Short || n instanceof Byte)) {
      return n.toString();
    }
    String text = value.toString();
    if (FORMULA_START.matcher(text).find() && !PLAIN_NUMBER.matcher(text).matches()) {
      return "'" + text;
    }
    return text;
  }
}
