package vn.danvan.warehouse.lake;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published snapshot: its id and its folder {@code LAKE/snapshots/<id>}.
 *
 * <p>The id is validated because it is read from the CURRENT file and becomes part of a path; an id
 * such as {@code ../x} must never lead outside the lake.
 */
public record SnapshotRef(String id, Path dir) {
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  /** The etl's id form, yyyyMMdd'T'HHmmssSSS'Z'-8 hex, which carries the load's start time. */
  private static final Pattern TIMED_ID = Pattern.compile("(\\d{8}T\\d{9})Z-[0-9a-f]{8}");
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

  public SnapshotRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(dir, "dir");
    if (!isValidId(id)) {
      throw new IllegalArgumentException("not a valid snapshot id: '" + id + "'");
    }
  }

  static boolean isValidId(String id) {
    return SAFE_ID.matcher(id).matches() && !id.contains("..");
  }

  /** The folder of one lake table inside this snapshot. */
  public Path tableDir(LakeTable table) {
    return dir.resolve(table.folder());
  }

  /** When the load that produced this snapshot started, if the id is in the etl's timed form. */
  public Optional<Instant> createdAt() {
    Matcher m = TIMED_ID.matcher(id);
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
