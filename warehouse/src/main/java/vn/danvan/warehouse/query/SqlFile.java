package vn.danvan.warehouse.query;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.danvan.contract.LakeTable;

/**
 * One SQL statement kept in a {@code .sql} resource next to the class that runs it, in the manner
 * of Jdbi's ClasspathSqlLocator: a missing file fails at once with its path.
 *
 * <p>The leading {@code --} comment lines are the file's header (what it does, its parameters and
 * result columns) and are not sent to DuckDB. Values are bound as {@code ?}; the only text ever
 * substituted is an identifier from the {@link LakeTable} allow-list or, internally, a path literal
 * the warehouse built itself.
 */
public final class SqlFile {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");

  private final String path;
  private final String body;

  private SqlFile(String path, String body) {
    this.path = path;
    this.body = body;
  }

  /** Loads {@code <owner's package as a path>/<name>.sql} from the owner's class loader. */
  public static SqlFile load(Class<?> owner, String name) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(name, "name");
    String path = owner.getPackageName().replace('.', '/') + "/" + name + ".sql";
    try (InputStream in = owner.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("SQL file not found on the classpath: " + path);
      }
      String body = withoutHeader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      if (body.isBlank()) {
        throw new IllegalStateException("SQL file holds no statement: " + path);
      }
      return new SqlFile(path, body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read SQL file " + path + ": " + e.getMessage(), e);
    }
  }

  /** The classpath path, for messages. */
  public String path() {
    return path;
  }

  /** This statement with {@code {placeholder}} replaced by the table's quoted view name. */
  public SqlFile withTable(String placeholder, LakeTable table) {
    Objects.requireNonNull(table, "table");
    return substitute(placeholder, quoteIdentifier(table.folder()));
  }

  /**
   * This statement with {@code {placeholder}} replaced by {@code value} as a quoted SQL string: for
   * DDL and COPY, which cannot bind a path as {@code ?}. Only for text the program built itself
   * (a file path), never for request text.
   */
  public SqlFile withStringLiteral(String placeholder, String value) {
    Objects.requireNonNull(value, "value");
    return substitute(placeholder, "'" + value.replace("'", "''") + "'");
  }

  /**
   * This statement with {@code {placeholder}} replaced by {@code values} as a list of quoted SQL
   * strings ({@code 'a', 'b'}), for an {@code IN (…)} that the scan can filter on. Only for text the
   * program built itself, never for request text.
   */
  public SqlFile withStringLiterals(String placeholder, Collection<String> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException(placeholder + ": an empty list");
    }
    return substitute(placeholder, values.stream().map(v -> "'" + v.replace("'", "''") + "'")
        .collect(Collectors.joining(", ")));
  }

  /** Whether the statement still has {@code {placeholder}} to fill. */
  public boolean has(String placeholder) {
    return body.contains("{" + placeholder + "}");
  }

  /** The statement to run. @throws IllegalStateException if a placeholder was left unfilled */
  public String sql() {
    if (PLACEHOLDER.matcher(body).find()) {
      throw new IllegalStateException(path + " still has an unfilled placeholder: " + body);
    }
    return body;
  }

  private SqlFile substitute(String placeholder, String text) {
    String token = "{" + placeholder + "}";
    if (!body.contains(token)) {
      throw new IllegalArgumentException(path + " has no placeholder " + token);
    }
    return new SqlFile(path, body.replace(token, text));
  }

  private static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static String withoutHeader(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    StringBuilder body = new StringBuilder();
    boolean inHeader = true;
    for (String line : s.split("\\R", -1)) {
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
