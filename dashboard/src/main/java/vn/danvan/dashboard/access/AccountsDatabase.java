package vn.danvan.dashboard.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import vn.danvan.warehouse.query.SqlFile;

/**
 * The SQLite file under {@link AccountStore}: created private to its owner, opened per call, each
 * change one transaction.
 *
 * <p>Every call opens its own short connection with a busy timeout, so the {@code users} command
 * and a running server can both use the file and neither keeps a lock between calls. Transactions
 * begin {@code IMMEDIATE}: the write lock is taken at once, so two writers queue rather than fail
 * on a lock upgrade. The journal is SQLite's default rollback journal, not WAL, which needs shared
 * memory and so a local filesystem; writes here are rare (accounts change seldom, and a token's
 * last use is written at most once a minute). Synchronous FULL: a change acknowledged is on disk.
 */
final class AccountsDatabase {
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final Path file;
  private final SQLiteDataSource source;

  private AccountsDatabase(Path file) {
    this.file = file;
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    this.source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
  }

  /**
   * The database in {@code file}, created with its folder (0700, the file 0600, where the
   * filesystem has POSIX permissions) and its {@code schema} statements ({@code IF NOT EXISTS})
   * run in one transaction.
   */
  static AccountsDatabase open(Path file, List<SqlFile> schema) {
    AccountsDatabase database = new AccountsDatabase(create(file));
    database.inTransaction(c -> {
      for (SqlFile statement : schema) {
        update(c, statement);
      }
      return null;
    });
    return database;
  }

  Path file() {
    return file;
  }

  /** Statements against one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs {@code work} on a connection of its own (each statement its own transaction). */
  <T> T read(Work<T> work) {
    try (Connection c = source.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw new IllegalStateException("accounts database " + file + ": " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction: all of it is committed, or none. */
  <T> T inTransaction(Work<T> work) {
    return read(c -> {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    });
  }

  /** The statement with {@code values} bound to its {@code ?}s in order. */
  static PreparedStatement prepare(Connection c, SqlFile statement, Object... values) throws SQLException {
    PreparedStatement s = c.prepareStatement(statement.sql());
    for (int i = 0; i < values.length; i++) {
      s.setObject(i + 1, values[i]);
    }
    return s;
  }

  /** Runs a statement that changes rows; returns how many. */
  static Integer update(Connection c, SqlFile statement, Object... values) throws SQLException {
    try (PreparedStatement s = prepare(c, statement, values)) {
      return s.executeUpdate();
    }
  }

  private static Path create(Path file) {
    Path folder = file.getParent();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (!Files.isDirectory(folder)) {
        Files.createDirectories(folder);
        if (posix) {
          Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
      }
      if (!Files.exists(file)) {
        try {
          if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          } else {
            Files.createFile(file);
          }
        } catch (FileAlreadyExistsException raced) {
          // another process created it between the check and here: the same file, already 0600
        }
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the accounts database " + file + ": " + e.getMessage(), e);
    }
  }
}
