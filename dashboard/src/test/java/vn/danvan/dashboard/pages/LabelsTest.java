package vn.danvan.dashboard.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The label tables of {@code js/i18n.js} against each other and against the pages, read as text
 * from the served folder. {@code t(key)} falls back to Vietnamese and then to the key itself, so a
 * missing label shows a raw key (or the other language) to a person, and no browser test notices
 * unless it happens to read that very text.
 *
 * <p>A page names a label in one of three ways: {@code data-i18n="key"} in its HTML,
 * {@code dataset.i18n = 'key'} in a script, or {@code t('key')} (a ternary of literals included);
 * {@code t('prefix.' + code)} and {@code label('prefix', code)} build keys from data, so only their
 * prefix can be checked here.
 */
class LabelsTest {
  private static final Path PUBLIC = served();
  private static final List<String> LANGUAGES = List.of("vi", "en");

  /** One label a line: {@code 'key': 'text',} (double quotes when the text holds an apostrophe). */
  private static final Pattern ENTRY = Pattern.compile("^ {4}'([^']+)': (?:'[^'\\\\]*'|\"[^\"\\\\]*\"),$");
  private static final Pattern DATA_I18N = Pattern.compile("data-i18n=\"([^\"]*)\"");
  private static final Pattern DATASET_I18N = Pattern.compile("dataset\\.i18n = '([^']*)'");
  private static final Pattern T_CALL = Pattern.compile("(?<![\\w.$])(?<!function )t\\(");
  private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
  private static final Pattern LABEL_CALL = Pattern.compile("(?<![\\w.$])label\\('([^']+)',");

  @Test
  void both_languages_have_the_same_keys() {
    Map<String, List<String>> tables = tables();
    Set<String> vi = new TreeSet<>(tables.get("vi"));
    Set<String> en = new TreeSet<>(tables.get("en"));
    assertThat(without(vi, en)).as("keys in vi but not in en").isEmpty();
    assertThat(without(en, vi)).as("keys in en but not in vi").isEmpty();
    assertThat(tables.get("en")).as("en lists its keys in vi's order").isEqualTo(tables.get("vi"));
  }

  @Test
  void every_table_line_is_one_key_and_no_key_is_listed_twice() {
    for (String language : LANGUAGES) {
      List<String> keys = tables().get(language);
      assertThat(keys).as("keys of %s", language).doesNotHaveDuplicates().hasSizeGreaterThan(100);
    }
  }

  @Test
  void every_key_a_page_names_is_in_the_tables() {
    Set<String> known = new TreeSet<>(tables().get("vi"));
    Usage usage = usage();
    assertThat(usage.keys).as("keys found, one named each way").containsKeys("overview.snapshot", "app.title",
        "region.rank_text", "exact.yes");
    Map<String, Set<String>> missing = new TreeMap<>();
    usage.keys.forEach((key, files) -> {
      if (!known.contains(key)) {
        missing.put(key, files);
      }
    });
    assertThat(missing).as("keys named by the pages (key -> files) but in no table").isEmpty();
  }

  @Test
  void every_prefix_a_page_builds_keys_from_has_keys() {
    Set<String> known = new TreeSet<>(tables().get("vi"));
    Usage usage = usage();
    assertThat(usage.prefixes).as("prefixes found").containsKeys("nav.", "tab.", "level.", "source.", "method.");
    Map<String, Set<String>> empty = new TreeMap<>();
    usage.prefixes.forEach((prefix, files) -> {
      if (known.stream().noneMatch(k -> k.startsWith(prefix))) {
        empty.put(prefix, files);
      }
    });
    assertThat(empty).as("prefixes (prefix -> files) with no key in the tables").isEmpty();
  }

  // ---- reading the tables and the pages --------------------------------------------------------

  /** Language -> its keys in table order; a line that is not one entry, a comment or blank fails. */
  private static Map<String, List<String>> tables() {
    List<String> lines = read(PUBLIC.resolve("js/i18n.js")).lines().toList();
    Map<String, List<String>> tables = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      int start = lines.indexOf("  " + language + ": {");
      assertThat(start).as("i18n.js opens the %s table with '  %s: {'", language, language).isNotNegative();
      List<String> keys = new ArrayList<>();
      for (int i = start + 1; !lines.get(i).equals("  },"); i++) {
        String line = lines.get(i);
        if (line.isBlank() || line.strip().startsWith("//")) {
          continue;
        }
        Matcher m = ENTRY.matcher(line);
        assertThat(m.matches()).as("i18n.js line %d is one label ('key': 'text',): %s", i + 1, line).isTrue();
        keys.add(m.group(1));
      }
      tables.put(language, keys);
    }
    return tables;
  }

  /** What the pages name: full keys and key prefixes, each with the files naming it. */
  private record Usage(Map<String, Set<String>> keys, Map<String, Set<String>> prefixes) {}

  private static Usage usage() {
    Usage usage = new Usage(new TreeMap<>(), new TreeMap<>());
    for (Path file : pageFiles()) {
      String name = PUBLIC.relativize(file).toString();
      String text = file.toString().endsWith(".js") ? withoutComments(read(file)) : read(file);
      DATA_I18N.matcher(text).results().forEach(m -> add(usage.keys, m.group(1), name));
      DATASET_I18N.matcher(text).results().forEach(m -> add(usage.keys, m.group(1), name));
      LABEL_CALL.matcher(text).results().forEach(m -> add(usage.prefixes, m.group(1) + ".", name));
      Matcher call = T_CALL.matcher(text);
      while (call.find()) {
        String argument = firstArgument(text, call.end());
        Matcher literal = LITERAL.matcher(argument);
        while (literal.find()) {
          boolean joined = argument.substring(literal.end()).stripLeading().startsWith("+");
          boolean appended = argument.substring(0, literal.start()).stripTrailing().endsWith("+");
          if (joined && !appended && literal.group(1).matches("[a-z_]+\\.")) {
            add(usage.prefixes, literal.group(1), name);
          } else if (!joined && !appended) {
            add(usage.keys, literal.group(1), name);
          }
        }
      }
    }
    return usage;
  }

  /** The text of a call's first argument, from just after its opening parenthesis. */
  private static String firstArgument(String text, int from) {
    int depth = 0;
    boolean quoted = false;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (quoted) {
        continue;
      } else if (c == '(' || c == '{' || c == '[') {
        depth++;
      } else if (c == ')' || c == '}' || c == ']') {
        if (depth == 0) {
          return text.substring(from, i);
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return text.substring(from, i);
      }
    }
    throw new AssertionError("unclosed call at offset " + from);
  }

  /** Block and line comments removed (a comment may quote a call, as i18n.js's header does). */
  private static String withoutComments(String js) {
    return js.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)(^|\\s)//.*$", "$1");
  }

  private static List<Path> pageFiles() {
    try (Stream<Path> files = Files.walk(PUBLIC)) {
      List<Path> pages = files.filter(f -> !f.startsWith(PUBLIC.resolve("vendor")))
          .filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js")).sorted().toList();
      assertThat(pages).as("pages and scripts under %s", PUBLIC).hasSizeGreaterThan(6);
      return pages;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(Map<String, Set<String>> found, String key, String file) {
    found.computeIfAbsent(key, k -> new TreeSet<>()).add(file);
  }

  private static Set<String> without(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The folder the app serves its pages from (/public on the classpath), as a directory. */
  private static Path served() {
    URL url = LabelsTest.class.getResource("/public/js/i18n.js");
    if (url == null || !url.getProtocol().equals("file")) {
      throw new IllegalStateException("/public/js/i18n.js is not a file on the test classpath: " + url);
    }
    try {
      return Path.of(url.toURI()).getParent().getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
