import java.nio.file.*;
import java.sql.*;
import java.util.*;
import java.util.stream.*;

/** Compares every table (and quarantine table) of two lakes' CURRENT snapshots row for row. */
public class CompareLakes {
  public static void main(String[] a) throws Exception {
    Path x = snap(Path.of(a[0])), y = snap(Path.of(a[1]));
    List<Path> tables;
    try (Stream<Path> s = Files.walk(x)) {
      tables = s.filter(Files::isDirectory).filter(d -> hasParquetChild(d)).map(x::relativize).sorted().toList();
    }
    int differ = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
      for (Path t : tables) {
        String gx = glob(x.resolve(t)), gy = glob(y.resolve(t));
        if (!Files.isDirectory(y.resolve(t))) { System.out.println("MISSING in after: " + t); differ++; continue; }
        long nx = one(st, "select count(*) from " + gx), ny = one(st, "select count(*) from " + gy);
        long d1 = one(st, "select count(*) from (select * from " + gx + " except all select * from " + gy + ")");
        long d2 = one(st, "select count(*) from (select * from " + gy + " except all select * from " + gx + ")");
        boolean same = nx == ny && d1 == 0 && d2 == 0;
        if (!same) differ++;
        System.out.printf("%-40s rows %,10d / %,10d  only-before %d only-after %d  %s%n", t, nx, ny, d1, d2, same ? "identical" : "DIFFERENT");
      }
    }
    System.out.println(differ == 0 ? "ALL " + tables.size() + " TABLES IDENTICAL" : differ + " TABLES DIFFER");
    System.exit(differ == 0 ? 0 : 1);
  }
  static boolean hasParquetChild(Path d) {
    try (Stream<Path> s = Files.list(d)) { return s.anyMatch(p -> p.toString().endsWith(".parquet") || (Files.isDirectory(p) && p.getFileName().toString().startsWith("year="))); }
    catch (Exception e) { return false; }
  }
  static String glob(Path d) { return "read_parquet('" + d + "/**/*.parquet', hive_partitioning=true, union_by_name=true)"; }
  static Path snap(Path lake) throws Exception { return lake.resolve("snapshots").resolve(Files.readString(lake.resolve("CURRENT")).strip()); }
  static long one(Statement st, String sql) throws SQLException { try (ResultSet r = st.executeQuery(sql)) { r.next(); return r.getLong(1); } }
}
