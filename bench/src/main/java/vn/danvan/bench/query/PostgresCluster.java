package vn.danvan.bench.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the Debian package: {@code initdb} into a temporary folder,
 * a server on 127.0.0.1 only, a random password, and on {@link #close()} a fast stop and the
 * folder deleted. PostgreSQL refuses to run as root, so as root every command runs as the
 * {@code postgres} user the package creates.
 */
public final class PostgresCluster implements AutoCloseable {
  public static final String INSTALL_HINT = "apt-get update && apt-get install -y postgresql";
  private static final Path PACKAGE_ROOT = Path.of("/usr/lib/postgresql");
  private static final String OS_USER = "postgres";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final String password;
  private boolean stopped;

  private PostgresCluster(Path bin, Path dir, int port, String password) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.password = password;
  }

  /** The newest installed {@code /usr/lib/postgresql/<version>/bin}, if any. */
  public static Optional<Path> installedBin() {
    if (!Files.isDirectory(PACKAGE_ROOT)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(PACKAGE_ROOT)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparingInt(PostgresCluster::majorVersion));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + PACKAGE_ROOT, e);
    }
  }

  /**
   * Creates and starts a cluster tuned by {@code settings} (postgresql.conf lines) on
   * {@code port}, or on a free port when it is 0. On failure nothing is left running.
   */
  public static PostgresCluster start(Path bin, int port, String settings) throws IOException {
    Path dir = Files.createTempDirectory("danvan-bench-pg-");
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    PostgresCluster cluster = new PostgresCluster(bin, dir, port == 0 ? freePort() : port, password);
    try {
      cluster.initAndStart(settings);
      return cluster;
    } catch (IOException | RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void initAndStart(String settings) throws IOException {
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
    if (isRoot()) {
      UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(OS_USER);
      Files.setOwner(dir, owner);
      Files.setOwner(pwfile, owner);
    }
    // C collation: byte order like DuckDB's, and the fastest text comparisons for the indexes.
    run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", OS_USER,
        "--pwfile=" + pwfile, "-A", "scram-sha-256", "--encoding=UTF8", "--locale=C", "--no-sync"));
    Files.delete(pwfile);
    Files.writeString(data().resolve("postgresql.conf"), "\n# danvan bench query\n"
        + "listen_addresses = '127.0.0.1'\nport = " + port + "\nunix_socket_directories = '"
        + dir + "'\n" + settings, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l",
        dir.resolve("server.log").toString(), "-w", "-t", "120", "start"));
  }

  public Connection connect() throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", OS_USER);
    props.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", props);
  }

  public int port() {
    return port;
  }

  /** The folder the bench may use for files it hands to the server's loader (deleted on close). */
  Path workDir() {
    return dir;
  }

  /** The postmaster's pid, from its pid file (first line). */
  Optional<Long> pid() {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Stops the server (fast shutdown, then SIGTERM/SIGKILL to its pid if needed) and deletes the folder. */
  @Override
  public synchronized void close() {
    if (stopped) {
      return;
    }
    stopped = true;
    Optional<Long> pid = pid();
    if (pid.isPresent()) {
      try {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w",
            "-t", "60", "stop"));
      } catch (IOException | RuntimeException e) {
        System.err.println("[bench] pg_ctl stop failed (" + e.getMessage() + "); ending pid " + pid.get());
        ProcessHandle.of(pid.get()).ifPresent(p -> {
          p.destroy();
          p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> {
            p.destroyForcibly();
            return p;
          }).join();
        });
      }
    }
    try {
      deleteTree(dir);
    } catch (IOException e) {
      System.err.println("[bench] could not delete " + dir + ": " + e.getMessage());
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private void run(List<String> command) throws IOException {
    List<String> full = new ArrayList<>();
    if (isRoot()) {
      full.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
    String output;
    try (var in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try {
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", full) + " did not finish in 180 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + full.get(0), e);
    }
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", full) + " exited with " + p.exitValue() + ":\n" + output
          + serverLogTail());
    }
  }

  private String serverLogTail() {
    Path log = dir.resolve("server.log");
    try {
      List<String> lines = Files.readAllLines(log);
      return "\nserver log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
          Files.delete(p);
        }
      }
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
