package vn.danvan.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.danvan.contract.checks.Indicators;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.csv.ContractCsvReader.Row;

/**
 * The indicator catalogue the warehouse ships ({@code catalogue/indicators.csv}, packaged as the
 * classpath resource {@link #RESOURCE}). Immutable, in file order, codes unique.
 *
 * <p>Loading checks the whole file and fails at once with the file and line, because a wrong
 * catalogue would mislabel every figure shown from it.
 */
public final class IndicatorCatalogue {
  public static final String RESOURCE = "vn/danvan/catalogue/indicators.csv";
  static final List<String> HEADER = List.of("code", "name_vi", "name_en", "unit", "computation",
      "reports", "records", "source_tables", "definition_version", "valid_from");

  private final Map<String, Indicator> byCode;

  private IndicatorCatalogue(Map<String, Indicator> byCode) {
    this.byCode = byCode;
  }

  /** The catalogue packaged with the warehouse. */
  public static IndicatorCatalogue load() {
    return parse(resource(RESOURCE), RESOURCE);
  }

  /** Parses catalogue CSV text; {@code source} names it in error messages. */
  public static IndicatorCatalogue parse(String csv, String source) {
    List<Row> rows = ContractCsvReader.parse(csv, source);
    if (rows.isEmpty() || !rows.get(0).fields().equals(HEADER)) {
      throw new IllegalArgumentException(source + ": header must be " + String.join(",", HEADER)
          + (rows.isEmpty() ? " but the file is empty" : " but is " + String.join(",", rows.get(0).fields())));
    }
    Map<String, Indicator> byCode = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      Indicator indicator = toIndicator(row, source);
      if (byCode.putIfAbsent(indicator.code(), indicator) != null) {
        throw new IllegalArgumentException(
            source + " line " + row.line() + ": duplicate code " + indicator.code());
      }
    }
    checkRatioOperands(byCode, source);
    return new IndicatorCatalogue(Collections.unmodifiableMap(byCode));
  }

  public List<Indicator> all() {
    return List.copyOf(byCode.values());
  }

  /**
   * The indicators a landing row ({@code report_values}, {@code campaign_targets}) may name: all but
   * the survey series and the external ones, which are computed or imported, never reported.
   */
  public List<Indicator> landing() {
    return byCode.values().stream().filter(i -> !i.isExternal() && !i.isSurvey()).toList();
  }

  /**
   * What the row checks of the load and of an upload's dry run take from the catalogue: the codes
   * report values and targets may use ({@link #landing}) and those of them that take whole numbers
   * ({@link Indicator#takesWholeNumbers()}).
   */
  public Indicators forRowChecks() {
    List<Indicator> reportable = landing();
    return new Indicators(
        reportable.stream().map(Indicator::code).collect(Collectors.toUnmodifiableSet()),
        reportable.stream().filter(Indicator::takesWholeNumbers).map(Indicator::code)
            .collect(Collectors.toUnmodifiableSet()));
  }

  public Optional<Indicator> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public int size() {
    return byCode.size();
  }

  private static Indicator toIndicator(Row row, String source) {
    List<String> f = row.fields();
    String where = source + " line " + row.line();
    if (f.size() != HEADER.size()) {
      throw new IllegalArgumentException(
          where + ": expected " + HEADER.size() + " fields, found " + f.size());
    }
    try {
      return new Indicator(f.get(0).strip(), f.get(1).strip(), f.get(2).strip(), f.get(3).strip(),
          f.get(4).strip(), optional(f.get(5)).map(ReportSource::parse),
          optional(f.get(6)).map(RecordFormula::parse), sourceTables(f.get(7)),
          Integer.parseInt(f.get(8).strip()), LocalDate.parse(f.get(9).strip()));
    } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private static Optional<String> optional(String field) {
    return field.isBlank() ? Optional.empty() : Optional.of(field.strip());
  }

  private static List<String> sourceTables(String field) {
    return Arrays.stream(field.split(";")).map(String::strip).filter(t -> !t.isEmpty()).toList();
  }

  /** A ratio of codes that do not exist, or of ratios, would silently compute nothing. */
  private static void checkRatioOperands(Map<String, Indicator> byCode, String source) {
    for (Indicator indicator : byCode.values()) {
      for (String operand : indicator.ratioOperands().orElse(List.of())) {
        Indicator op = byCode.get(operand);
        if (op == null) {
          throw new IllegalArgumentException(source + ": " + indicator.code()
              + " is a ratio of unknown indicator " + operand);
        }
        if (op.isRatio()) {
          throw new IllegalArgumentException(source + ": " + indicator.code()
              + " is a ratio of the ratio " + operand + " (ratios are of summed indicators)");
        }
      }
    }
  }

  /** A classpath resource of the catalogue's, checked as UTF-8. */
  static String resource(String name) {
    ClassLoader loader = IndicatorCatalogue.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("catalogue file not found on the classpath: " + name);
      }
      return decode(in.readAllBytes(), name);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static String decode(byte[] bytes, String source) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(source + " is not valid UTF-8", e);
    }
  }
}
