package vn.danvan.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshot ids. A load names its snapshot {@code yyyyMMdd'T'HHmmssSSS'Z'-<8 hex>}: ids sort by
 * creation time, and the random suffix keeps two loads started in the same millisecond apart.
 * Readers accept any <em>safe</em> name (letters, digits, {@code . _ -}, no {@code ..}): an id is
 * read from the CURRENT file and becomes part of a path, so {@code ../x} must never lead outside
 * the lake.
 */
public final class SnapshotId {
  private SnapshotId() {}

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern FORM = Pattern.compile("(\\d{8}T\\d{9})Z-[0-9a-f]{8}");
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

  public static String next(Clock clock, RandomGenerator random) {
    return STAMP.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(random.nextInt());
  }

  /** Whether {@code id} is of the form a load gives its snapshot. */
  public static boolean isValid(String id) {
    return id != null && FORM.matcher(id).matches();
  }

  /** Whether {@code id} can name a folder inside the lake. */
  public static boolean isSafe(String id) {
    return id != null && SAFE.matcher(id).matches() && !id.contains("..");
  }

  /** The id itself; throws when it is not of the load's form (e.g. a path from a bad CURRENT). */
  static String require(String id) {
    if (!isValid(id)) {
      throw new IllegalArgumentException("not a snapshot id: '" + id + "'");
    }
    return id;
  }

  static String requireSafe(String id) {
    if (!isSafe(id)) {
      throw new IllegalArgumentException("not a valid snapshot id: '" + id + "'");
    }
    return id;
  }

  /** When the load that made the snapshot started, if the id is of the load's form. */
  public static Optional<Instant> createdAt(String id) {
    Matcher m = FORM.matcher(id);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDateTime.parse(m.group(1), ID_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
