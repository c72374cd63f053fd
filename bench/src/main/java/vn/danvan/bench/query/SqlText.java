package vn.danvan.bench.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement from a {@code .sql} resource next to this class, for the SQL the bench sends to
 * PostgreSQL and to its own export DuckDB (the warehouse's {@code SqlFile} only runs inside a
 * warehouse read). Header comment lines are dropped; a missing file fails with its path.
 *
 * <p>Values are bound as {@code ?}. The only text substituted is a {@code {name}} placeholder
 * filled with a string literal the bench built itself (a file path), never input.
 */
final class SqlText {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

  private final String path;
  private final String body;

  private SqlText(String path, String body) {
    this.path = path;
    this.body = body;
  }

  static SqlText load(String name) {
    Objects.requireNonNull(name, "name");
    String path = SqlText.class.getPackageName().replace('.', '/') + "/" + name + ".sql";
    try (InputStream in = SqlText.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL file not found on the classpath: " + path);
      }
      String body = withoutHeader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (body.isBlank()) {
        throw new IllegalStateException("SQL file holds no statement: " + path);
      }
      return new SqlText(path, body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read SQL file " + path + ": " + e.getMessage(), e);
    }
  }

  String path() {
    return path;
  }

  /** The statement; fails if a placeholder is left. */
  String sql() {
    return withLiterals(Map.of());
  }

  /** The statement with each {@code {key}} replaced by {@code value} as a quoted SQL string. */
  String withLiterals(Map<String, String> literals) {
    Matcher m = PLACEHOLDER.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = literals.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(path + " has an unfilled placeholder {" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String withoutHeader(String text) {
    StringBuilder body = new StringBuilder();
    boolean inHeader = true;
    for (String line : text.split("\\R", -1)) {
      if (inHeader && (line.isBlank() || line.stripLeading().startsWith("--"))) {
        continue;
      }
      inHeader = false;
      body.append(line).append('\n');
    }
    return body.toString().strip();
  }

  @Override
  public String toString() {
    return path;
  }
}
