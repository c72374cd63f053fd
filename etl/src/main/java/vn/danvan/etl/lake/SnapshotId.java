package vn.danvan.etl.lake;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Snapshot ids: {@code yyyyMMdd'T'HHmmssSSS'Z'-<8 hex>}. They sort by creation time, and the
 * random suffix keeps two loads started in the same millisecond apart.
 */
public final class SnapshotId {
  private SnapshotId() {}

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern FORM = Pattern.compile("\\d{8}T\\d{9}Z-[0-9a-f]{8}");

  public static String next(Clock clock, RandomGenerator random) {
    return STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(random.nextInt());
  }

  public static boolean isValid(String id) {
    return id != null && FORM.matcher(id).matches();
  }

  /** The id itself; throws when it is not of the snapshot form (e.g. a path from a bad CURRENT). */
  static String require(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a snapshot id: '" + id + "'");
    }
    return id;
  }
}
