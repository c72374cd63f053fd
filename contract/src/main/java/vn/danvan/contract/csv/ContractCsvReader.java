package vn.danvan.contract.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The project's one CSV reader, for CSV as the data contract defines it: UTF-8 with or without a
 * BOM, comma separator, RFC 4180 quoting (a quoted field may hold commas, line breaks and doubled
 * quotes), {@code \n} or {@code \r\n} line ends. Parsing is Apache Commons CSV's; this class adds
 * what every caller needed around it: the BOM dropped, blank lines skipped (a line holding only
 * {@code ""} is one too), the line each record starts on, and errors that name the source and the
 * line. A quote inside an unquoted field is kept as a character, as Spark and spreadsheets read it.
 *
 * <p>The header is an ordinary first row: callers check it against what they expect.
 */
public final class ContractCsvReader {
  private static final char BOM = '\uFEFF';
  private static final CSVFormat FORMAT = CSVFormat.RFC4180;

  /** One record and the line it starts on (1-based), so that errors can point at it. */
  public record Row(int line, List<String> fields) {
    public Row {
      fields = List.copyOf(fields);
    }
  }

  private ContractCsvReader() {}

  /**
   * Parses CSV text; {@code source} names it in error messages.
   *
   * @throws IllegalArgumentException on an unterminated or stray quote, naming the line
   */
  public static List<Row> parse(String text, String source) {
    try {
      return read(new StringReader(text), source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a UTF-8 CSV file.
   *
   * @throws IllegalArgumentException on an unterminated or stray quote, naming the file and line
   * @throws CharacterCodingException when the file is not UTF-8 text
   */
  public static List<Row> read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString());
    }
  }

  /**
   * Reads CSV text from {@code reader} to its end (the caller closes it).
   *
   * @throws IllegalArgumentException on an unterminated or stray quote, naming the line
   */
  public static List<Row> read(Reader reader, String source) throws IOException {
    List<Row> rows = new ArrayList<>();
    try {
      new Records(reader, source).forEachRemaining(rows::add);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return List.copyOf(rows);
  }

  /**
   * The names in a file's header record, without reading further; empty for a file with no record.
   * Bytes that are not UTF-8 elsewhere in the file are left for whoever reads the rows to judge.
   * (A header holding U+FFFD itself is refused too: it cannot be told from a byte decoded wrongly.)
   *
   * @throws CharacterCodingException when the header itself is not UTF-8 text
   * @throws IllegalArgumentException on an unterminated or stray quote in the header, naming the line
   */
  public static List<String> header(Path file) throws IOException {
    try (Reader reader = new BufferedReader(
        new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
      Records records = new Records(reader, file.toString());
      List<String> names;
      try {
        if (!records.hasNext()) {
          return List.of();
        }
        names = records.next().fields();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      // the decoder above replaces every byte sequence that is not UTF-8 with U+FFFD
      if (names.stream().anyMatch(n -> n.indexOf('\uFFFD') >= 0)) {
        throw new CharacterCodingException();
      }
      return names;
    }
  }

  /** The records of one source in order, blank lines skipped, read as they are asked for. */
  private static final class Records implements Iterator<Row> {
    private final String source;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private Row next;

    Records(Reader reader, String source) throws IOException {
      this.source = Objects.requireNonNull(source, "source");
      this.parser = CSVParser.builder().setReader(withoutBom(reader)).setFormat(FORMAT).get();
      this.records = parser.iterator();
    }

    @Override
    public boolean hasNext() {
      while (next == null) {
        // the parser has consumed the previous record's line end, so the next record starts here
        int line = Math.toIntExact(parser.getCurrentLineNumber() + 1);
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            return false;
          }
          record = records.next();
        } catch (UncheckedIOException e) {
          throw malformed(e, line);
        }
        if (!(record.size() == 1 && record.get(0).isEmpty())) {
          next = new Row(line, record.toList());
        }
      }
      return true;
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException(source + ": no more records");
      }
      Row row = next;
      next = null;
      return row;
    }

    /** Commons CSV's parse errors, said in terms of the source and its lines; I/O errors as they are. */
    private RuntimeException malformed(UncheckedIOException e, int recordLine) {
      if (!(e.getCause() instanceof CSVException cause)) {
        return e;
      }
      String message = Objects.requireNonNullElse(cause.getMessage(), "");
      if (message.contains("EOF reached before encapsulated token finished")) {
        return new IllegalArgumentException(
            source + " line " + recordLine + ": unterminated quoted field", cause);
      }
      if (message.startsWith("Invalid character between encapsulated token and delimiter")) {
        return new IllegalArgumentException(source + " line " + parser.getCurrentLineNumber()
            + ": stray quote in a field (a quoted field ends at a comma or the line's end;"
            + " a quote inside it is written twice)", cause);
      }
      return new IllegalArgumentException(
          source + " line " + recordLine + ": malformed CSV (" + message + ")", cause);
    }
  }

  private static Reader withoutBom(Reader reader) throws IOException {
    Reader marked = reader.markSupported() ? reader : new BufferedReader(reader);
    marked.mark(1);
    if (marked.read() != BOM) {
      marked.reset();
    }
    return marked;
  }
}
