package vn.danvan.contract.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The text encoding of a landing file. The contract's text is UTF-8; Excel's "Unicode Text" saves
 * UTF-16 with a byte-order mark instead (and separates columns with tabs), and offices send such
 * files. They are accepted: {@link #asUtf8} gives the file as the contract's UTF-8 text, a copy
 * made beside the work (the original is never changed), which the load (Spark) and the dry run of
 * an upload both read. One function, so both read the same rows.
 */
public final class LandingEncoding {
  private LandingEncoding() {}

  /** What a file's first bytes say its text is. */
  public enum Encoding {
    /** UTF-8 (with or without a BOM), or anything without a UTF-16 byte-order mark. */
    UTF_8(StandardCharsets.UTF_8),
    /** UTF-16 little-endian with its BOM {@code FF FE}: Excel's "Unicode Text" on Windows. */
    UTF_16LE(StandardCharsets.UTF_16LE),
    /** UTF-16 big-endian with its BOM {@code FE FF}. */
    UTF_16BE(StandardCharsets.UTF_16BE);

    private final Charset charset;

    Encoding(Charset charset) {
      this.charset = charset;
    }

    public Charset charset() {
      return charset;
    }
  }

  /**
   * What to tell a person whose file could not be read as text: how to save a CSV that every tool
   * reads (the dry run and the load say it with the reason).
   */
  public static final String SAVE_AS_UTF8 = "Hãy lưu lại tệp bằng Excel: Tệp > Lưu thành > chọn kiểu"
      + " \"CSV UTF-8 (Comma delimited) (*.csv)\" (LibreOffice: Lưu thành > Văn bản CSV, bộ ký tự"
      + " Unicode (UTF-8), dấu phân cách là dấu phẩy). / Save it from Excel as \"CSV UTF-8 (Comma"
      + " delimited)\".";

  /** The encoding the byte-order mark of {@code file} names (UTF-8 when there is none). */
  public static Encoding of(Path file) throws IOException {
    byte[] head = new byte[2];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 2);
    }
    if (n == 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      return Encoding.UTF_16LE;
    }
    if (n == 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      return Encoding.UTF_16BE;
    }
    return Encoding.UTF_8;
  }

  /**
   * The file as UTF-8 text: {@code file} itself when it already is (no copy), else a UTF-8 copy
   * written as {@code workDir/<relative>} (folders created; an existing copy replaced) with the
   * text of {@link #contractText}. The original is never changed.
   *
   * @param relative where the copy goes inside {@code workDir} (e.g. the file's path in its landing
   *     folder); must stay inside it
   * @throws java.nio.charset.CharacterCodingException when a file marked UTF-16 is not
   */
  public static Path asUtf8(Path file, Path workDir, String relative) throws IOException {
    if (of(file) == Encoding.UTF_8) {
      return file;
    }
    Path target = workDir.resolve(relative).normalize();
    if (!target.startsWith(workDir.normalize()) || target.equals(workDir.normalize())) {
      throw new IllegalArgumentException("the copy of " + file + " would leave " + workDir + ": " + relative);
    }
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.writeString(tmp, contractText(file), StandardCharsets.UTF_8);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /**
   * The text of a file marked UTF-16 as the contract writes it: decoded strictly, without its
   * byte-order mark; a CSV whose header line separates names with tabs and has no comma (Excel's
   * "Unicode Text") has its records rewritten with commas and RFC 4180 quoting. Office files are
   * small: the text is held in memory.
   *
   * @throws java.nio.charset.CharacterCodingException when the file is not the UTF-16 its mark says
   */
  public static String contractText(Path file) throws IOException {
    Encoding encoding = of(file);
    String text;
    try (Reader in = reader(file, encoding)) {
      StringWriter all = new StringWriter();
      in.transferTo(all);
      text = all.toString();
    }
    boolean csv = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    int eol = text.indexOf('\n');
    String firstLine = eol < 0 ? text : text.substring(0, eol);
    if (encoding == Encoding.UTF_8 || !csv || firstLine.indexOf('\t') < 0 || firstLine.indexOf(',') >= 0) {
      return text;
    }
    StringWriter out = new StringWriter();
    CSVFormat tabs = CSVFormat.RFC4180.builder().setDelimiter('\t').get();
    try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(tabs).get();
         CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      for (CSVRecord record : parser) {
        printer.printRecord(record.toList());
      }
    }
    return out.toString();
  }

  /**
   * The file's characters by its {@link #of encoding}, without a UTF-16 byte-order mark (a UTF-8
   * one is left for the CSV reader, which drops it). UTF-16 is decoded strictly; UTF-8 as Spark
   * reads it (a byte that is not UTF-8 becomes U+FFFD, for the row checks to find).
   */
  public static Reader reader(Path file) throws IOException {
    return reader(file, of(file));
  }

  private static Reader reader(Path file, Encoding encoding) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (encoding == Encoding.UTF_8) {
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    try {
      in.skipNBytes(2);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    CharsetDecoder strict = encoding.charset().newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, strict));
  }
}
