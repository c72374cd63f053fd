package vn.danvan.etl.external;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.danvan.contract.csv.ContractCsvReader;

/**
 * The PAPI files as published (../shared/reference/SOURCES.md): one CSV per survey year
 * ({@code 2011.csv} ... {@code 2024.csv}: {@code Province} = {@code P01..P63}, then one column per
 * sub-dimension code {@code SC11..SC83}), the codebooks ({@code codebook_provinces.csv},
 * {@code codebook_criteria.csv}, {@code codebook_subcriteria.csv}), and the workbook of dimension
 * and total scores 2011–2016 ({@link PapiWorkbook}).
 *
 * <p>Every cell becomes one {@link ExternalValue}; a blank cell stays a value-less row, so that
 * the lake can tell "the source left this blank" and count it. Indicator codes are
 * {@code papi_} + the codebook's code in lower case, and must be in the catalogue.
 */
public final class PapiFiles {
  public static final String SOURCE = "papi";
  static final String PROVINCES = "codebook_provinces.csv";
  static final String CRITERIA = "codebook_criteria.csv";
  static final String SUBCRITERIA = "codebook_subcriteria.csv";
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");

  /** What was read: the values, and per file how many cells and how many of them blank. */
  public record Read(List<ExternalValue> values, Map<String, long[]> cellsAndBlanksByFile,
      List<String> ignored, PapiWorkbook.Comparison workbookAgainstCsv) {
    public Read {
      values = List.copyOf(values);
      cellsAndBlanksByFile = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cellsAndBlanksByFile));
      ignored = List.copyOf(ignored);
    }

    public long blanks() {
      return values.stream().filter(ExternalValue::blank).count();
    }
  }

  private PapiFiles() {}

  /**
   * Reads the given files and the PAPI files of the given folders (other files in a folder, such
   * as licences, are listed as ignored; a named file that is not a PAPI file is refused).
   *
   * @param known the catalogue's external indicator codes of this source
   * @throws IllegalArgumentException naming the file, line and column of anything it cannot read
   */
  public static Read read(Collection<Path> paths, Set<String> known) {
    Map<String, Path> byName = new TreeMap<>();
    List<String> ignored = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.list(p)) {
          for (Path f : (Iterable<Path>) files.sorted()::iterator) {
            if (isPapiFile(f)) {
              put(byName, f);
            } else {
              ignored.add(f.toString());
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + p, e);
        }
      } else if (isPapiFile(p) && Files.isRegularFile(p)) {
        put(byName, p);
      } else {
        throw new IllegalArgumentException(p + " is not a PAPI file (YYYY.csv, codebook_*.csv, *.xlsx)");
      }
    }
    ProvinceOrder order = ProvinceOrder.shipped();
    List<ExternalValue> values = new ArrayList<>();
    Map<String, long[]> counts = new LinkedHashMap<>();
    List<Path> years = byName.values().stream().filter(f -> YEAR_FILE.matcher(name(f)).matches()).toList();
    if (!years.isEmpty()) {
      checkProvinceCodebook(require(byName, PROVINCES), order);
      Set<String> codes = subcriteria(require(byName, SUBCRITERIA));
      for (Path f : years) {
        int before = values.size();
        readYear(f, codes, known, order, values);
        List<ExternalValue> added = values.subList(before, values.size());
        counts.put(name(f), new long[] {added.size(), added.stream().filter(ExternalValue::blank).count()});
      }
    }
    PapiWorkbook.Comparison comparison = null;
    for (Path f : byName.values()) {
      if (name(f).toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
        PapiWorkbook workbook = PapiWorkbook.read(f, order);
        List<ExternalValue> dims = workbook.dimensions(known);
        values.addAll(dims);
        counts.put(name(f), new long[] {dims.size(), dims.stream().filter(ExternalValue::blank).count()});
        // only beside the CSVs: alone, every workbook cell would count as a difference
        comparison = years.isEmpty() ? null : workbook.compare(values);
      }
    }
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no PAPI year table (YYYY.csv) or workbook (.xlsx) in " + paths);
    }
    return new Read(values, counts, ignored, comparison);
  }

  private static boolean isPapiFile(Path f) {
    String n = name(f);
    return YEAR_FILE.matcher(n).matches() || n.equals(PROVINCES) || n.equals(CRITERIA)
        || n.equals(SUBCRITERIA) || n.toLowerCase(Locale.ROOT).endsWith(".xlsx");
  }

  private static void put(Map<String, Path> byName, Path f) {
    Path other = byName.put(name(f), f);
    if (other != null && !other.equals(f)) {
      throw new IllegalArgumentException("two files named " + name(f) + ": " + other + " and " + f);
    }
  }

  private static Path require(Map<String, Path> byName, String file) {
    Path p = byName.get(file);
    if (p == null) {
      throw new IllegalArgumentException("the PAPI year tables need " + file + " beside them");
    }
    return p;
  }

  /** The province codebook must number exactly P01..P63, in order: the join depends on it. */
  private static void checkProvinceCodebook(Path file, ProvinceOrder order) {
    List<List<String>> rows = csv(file);
    if (rows.size() != ProvinceOrder.PROVINCES + 1) {
      throw new IllegalArgumentException(file + ": expected " + ProvinceOrder.PROVINCES
          + " provinces, found " + (rows.size() - 1));
    }
    for (int i = 1; i < rows.size(); i++) {
      String expected = String.format(Locale.ROOT, "P%02d", i);
      if (!rows.get(i).get(0).strip().equals(expected)) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected " + expected
            + ", found '" + rows.get(i).get(0) + "' (provinces are numbered in GSO order)");
      }
      order.codeOf(expected);
    }
  }

  private static Set<String> subcriteria(Path file) {
    List<List<String>> rows = csv(file);
    return rows.subList(1, rows.size()).stream().map(r -> r.get(0).strip())
        .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  private static void readYear(Path file, Set<String> codes, Set<String> known, ProvinceOrder order,
      List<ExternalValue> out) {
    Matcher m = YEAR_FILE.matcher(name(file));
    m.matches();
    int year = Integer.parseInt(m.group(1));
    List<List<String>> rows = csv(file);
    List<String> header = rows.get(0).stream().map(String::strip).toList();
    if (header.isEmpty() || !header.get(0).equals("Province")) {
      throw new IllegalArgumentException(file + ": the first column must be Province, not " + header);
    }
    List<String> indicators = new ArrayList<>();
    for (String code : header.subList(1, header.size())) {
      if (!codes.contains(code)) {
        throw new IllegalArgumentException(file + ": column " + code + " is not in " + SUBCRITERIA);
      }
      indicators.add(indicator(code, known, file));
    }
    Set<String> seen = new java.util.HashSet<>();
    for (int line = 2; line <= rows.size(); line++) {
      List<String> row = rows.get(line - 1);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(file + " line " + line + ": " + row.size() + " fields, header has "
            + header.size());
      }
      String p = row.get(0).strip();
      String region = order.codeOf(p);
      if (!seen.add(p)) {
        throw new IllegalArgumentException(file + " line " + line + ": province " + p + " listed twice");
      }
      for (int c = 1; c < header.size(); c++) {
        out.add(new ExternalValue(indicators.get(c - 1), SOURCE, region, year,
            number(row.get(c), file, line, header.get(c)), name(file), p + " " + header.get(c)));
      }
    }
    if (seen.size() != ProvinceOrder.PROVINCES) {
      throw new IllegalArgumentException(file + ": " + seen.size() + " provinces, expected "
          + ProvinceOrder.PROVINCES);
    }
  }

  /** {@code papi_} + the source's code in lower case; it must be a catalogue indicator. */
  static String indicator(String sourceCode, Set<String> known, Path file) {
    String code = SOURCE + "_" + sourceCode.toLowerCase(Locale.ROOT);
    if (!known.contains(code)) {
      throw new IllegalArgumentException(file + ": " + sourceCode + " has no catalogue indicator " + code
          + " (add it to catalogue/indicators.csv as external:" + SOURCE + ")");
    }
    return code;
  }

  private static Double number(String text, Path file, int line, String column) {
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return Double.valueOf(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + " line " + line + ", " + column + ": '" + text
          + "' is not a number");
    }
  }

  private static List<List<String>> csv(Path file) {
    try {
      List<List<String>> rows = new ArrayList<>(ContractCsvReader.read(file).stream()
          .map(ContractCsvReader.Row::fields).toList());
      rows.removeIf(r -> r.stream().allMatch(String::isBlank));
      if (rows.isEmpty()) {
        throw new IllegalArgumentException(file + " is empty");
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  static String name(Path f) {
    return f.getFileName().toString();
  }
}
