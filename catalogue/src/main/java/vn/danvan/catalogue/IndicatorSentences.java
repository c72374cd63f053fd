package vn.danvan.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.danvan.contract.csv.ContractCsvReader;
import vn.danvan.contract.csv.ContractCsvReader.Row;

/**
 * The review's headline indicators ({@code catalogue/sentences.csv}, kept beside the catalogue):
 * in order, each with its group and the sentence the annual review writes from its figures, in
 * Vietnamese and English. A template holds only placeholders for figures ({@link #PLACEHOLDERS}),
 * never invented text about them; loading checks every code against the catalogue.
 */
public final class IndicatorSentences {
  public static final String RESOURCE = "vn/danvan/catalogue/sentences.csv";
  static final List<String> HEADER = List.of("code", "group", "template_vi", "template_en");
  /** {@code year}, {@code area} (the nation or "toàn tỉnh"), {@code value}, {@code change} (vs the year before). */
  public static final Set<String> PLACEHOLDERS = Set.of("year", "area", "value", "change");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern GROUP = Pattern.compile("[a-z][a-z0-9_]*");

  /** One headline indicator: its group code and its two templates. */
  public record Sentence(String code, String group, String templateVi, String templateEn) {
    public Sentence {
      Objects.requireNonNull(code, "code");
      if (!GROUP.matcher(group).matches()) {
        throw new IllegalArgumentException("group of " + code + " must be lower_snake_case: '" + group + "'");
      }
      checkTemplate(code, templateVi);
      checkTemplate(code, templateEn);
    }

    /** The template of {@code lang} ({@code vi} or {@code en}) with every placeholder filled. */
    public String write(String lang, Map<String, String> figures) {
      Matcher m = PLACEHOLDER.matcher(lang.equals("en") ? templateEn : templateVi);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = figures.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("no figure for {" + m.group(1) + "} in the sentence of " + code);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      return m.appendTail(out).toString();
    }
  }

  private final Map<String, Sentence> byCode;

  private IndicatorSentences(Map<String, Sentence> byCode) {
    this.byCode = byCode;
  }

  /** The sentences packaged with the catalogue, checked against it. */
  public static IndicatorSentences load(IndicatorCatalogue catalogue) {
    return parse(IndicatorCatalogue.resource(RESOURCE), RESOURCE, catalogue);
  }

  public static IndicatorSentences parse(String csv, String source, IndicatorCatalogue catalogue) {
    List<Row> rows = ContractCsvReader.parse(csv, source);
    if (rows.isEmpty() || !rows.get(0).fields().equals(HEADER)) {
      throw new IllegalArgumentException(source + ": header must be " + String.join(",", HEADER));
    }
    Map<String, Sentence> byCode = new LinkedHashMap<>();
    for (Row row : rows.subList(1, rows.size())) {
      List<String> f = row.fields();
      String where = source + " line " + row.line();
      if (f.size() != HEADER.size()) {
        throw new IllegalArgumentException(where + ": expected " + HEADER.size() + " fields, found " + f.size());
      }
      String code = f.get(0).strip();
      if (catalogue.find(code).isEmpty()) {
        throw new IllegalArgumentException(where + ": " + code + " is not in the indicator catalogue");
      }
      try {
        if (byCode.putIfAbsent(code, new Sentence(code, f.get(1).strip(), f.get(2).strip(), f.get(3).strip())) != null) {
          throw new IllegalArgumentException("duplicate code " + code);
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new IndicatorSentences(java.util.Collections.unmodifiableMap(byCode));
  }

  /** The headline indicators in file order. */
  public List<Sentence> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<Sentence> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  private static void checkTemplate(String code, String template) {
    if (template == null || template.isBlank()) {
      throw new IllegalArgumentException("a sentence of " + code + " is empty");
    }
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!PLACEHOLDERS.contains(m.group(1))) {
        throw new IllegalArgumentException("the sentence of " + code + " has an unknown placeholder {" + m.group(1)
            + "} (known: " + PLACEHOLDERS + ")");
      }
    }
  }
}
