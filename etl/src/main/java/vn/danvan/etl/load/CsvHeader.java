package vn.danvan.etl.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file's header record (RFC 4180, UTF-8, optional BOM) and finds out in the same pass
 * over the bytes whether any quoted value holds a line break. Only such files need Spark's
 * whole-file parser; the others are split by line, which parallelises a big file across cores.
 * (Splitting a file whose quoted values span lines would silently cut records in two.)
 */
final class CsvHeader {
  private CsvHeader() {}

  record Result(List<String> header, boolean multiLine) {}

  private static final int BUFFER = 1 << 20;

  /** The header names and the multi-line flag; an empty header for an empty file. */
  static Result read(Path file) throws IOException {
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    boolean inQuotes = false;
    boolean inHeader = true;
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        int i = 0;
        if (inHeader) {
          for (; i < n; i++) {
            byte b = buf[i];
            if (b == '"') {
              inQuotes = !inQuotes;
            } else if (!inQuotes && (b == '\n' || b == '\r')) {
              inHeader = false;
              break;
            }
            header.write(b);
          }
        }
        for (; i < n; i++) {
          byte b = buf[i];
          if (b == '"') {
            inQuotes = !inQuotes;
          } else if (inQuotes && (b == '\n' || b == '\r')) {
            return new Result(split(decode(header.toByteArray(), file)), true);
          }
        }
      }
    }
    return new Result(split(decode(header.toByteArray(), file)), false);
  }

  private static String decode(byte[] bytes, Path file) throws IOException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new LoadRefusedException("refused " + file + ": the header line is not UTF-8 text;"
          + " nothing of this load was written", e);
    }
  }

  /** Splits one RFC 4180 record: commas separate, quotes enclose, a doubled quote is a quote. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>();
    if (line.isEmpty()) {
      return fields;
    }
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
