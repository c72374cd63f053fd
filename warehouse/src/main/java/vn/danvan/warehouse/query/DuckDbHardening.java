package vn.danvan.warehouse.query;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.duckdb.DuckDBConnection;

/**
 * Starts an in-memory DuckDB that can read one folder and nothing else. The dashboard's SQL is our
 * own, but a database that may open any file or fetch an extension is one bug away from serving
 * them, so the instance is locked down from birth: the restrictions are start-up settings, and
 * there is no moment in which SQL could run with file access.
 *
 * <p>{@code allowed_directories} must be given together with {@code enable_external_access=false}
 * (DuckDB refuses to change the list once access is off), and {@code lock_configuration} forbids
 * any later {@code SET}.
 */
public final class DuckDbHardening {
  private DuckDbHardening() {}

  /**
   * A fresh in-memory instance that may read below {@code readable} only, within the options'
   * memory and threads (also start-up settings: no later SET may raise them).
   */
  public static DuckDBConnection open(Path readable, WarehouseOptions options) throws SQLException {
    return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", settings(readable, options));
  }

  private static Properties settings(Path readable, WarehouseOptions options) {
    Properties config = new Properties();
    config.setProperty("memory_limit", options.memoryLimitMib() + "MiB");
    config.setProperty("threads", Integer.toString(options.threads()));
    config.setProperty("allowed_directories", "['" + listElement(readable + "/") + "']");
    config.setProperty("enable_external_access", "false");
    config.setProperty("autoload_known_extensions", "false");
    config.setProperty("autoinstall_known_extensions", "false");
    config.setProperty("lock_configuration", "true");
    return config;
  }

  /** Escapes for DuckDB's VARCHAR to VARCHAR[] cast, which reads backslash escapes in quotes. */
  private static String listElement(String s) {
    return s.replace("\\", "\\\\").replace("'", "\\'");
  }
}
