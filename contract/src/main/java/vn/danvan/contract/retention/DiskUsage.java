package vn.danvan.contract.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.danvan.contract.Lake;

/**
 * {@code lake du}: per snapshot, the bytes it holds alone (files no other snapshot links to: what
 * removing it frees) and the bytes it shares by hard link with others; and the lake's bytes on
 * disk, each file counted once however many snapshots link to it. A file with links outside the
 * lake's snapshots counts as shared.
 */
public final class DiskUsage {
  /** One snapshot's files and bytes; {@code total = alone + shared}. */
  public record Snapshot(String id, long files, long total, long alone, long shared) {}

  private final Map<String, Snapshot> snapshots;
  private final long onDisk;

  private DiskUsage(Map<String, Snapshot> snapshots, long onDisk) {
    this.snapshots = snapshots;
    this.onDisk = onDisk;
  }

  private record FileKey(Object dev, Object ino) {}

  private record Seen(long size, int links, List<String> snapshots) {}

  public static DiskUsage of(Lake lake) {
    Map<FileKey, Seen> files = new HashMap<>();
    Map<String, List<FileKey>> bySnapshot = new LinkedHashMap<>();
    for (String id : lake.snapshotIds()) {
      List<FileKey> keys = new ArrayList<>();
      try (Stream<Path> paths = Files.walk(lake.snapshot(id))) {
        for (Path p : paths.filter(Files::isRegularFile).toList()) {
          Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino,nlink,size");
          FileKey key = new FileKey(a.get("dev"), a.get("ino"));
          files.computeIfAbsent(key, k -> new Seen((Long) a.get("size"), (Integer) a.get("nlink"), new ArrayList<>()))
              .snapshots().add(id);
          keys.add(key);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + lake.snapshot(id) + ": " + e.getMessage(), e);
      }
      bySnapshot.put(id, keys);
    }
    Map<String, Snapshot> result = new LinkedHashMap<>();
    bySnapshot.forEach((id, keys) -> {
      long total = 0;
      long alone = 0;
      for (FileKey key : keys) {
        Seen seen = files.get(key);
        total += seen.size();
        boolean onlyHere = seen.snapshots().stream().allMatch(id::equals) && seen.links() <= seen.snapshots().size();
        alone += onlyHere ? seen.size() : 0;
      }
      result.put(id, new Snapshot(id, keys.size(), total, alone, total - alone));
    });
    return new DiskUsage(result, files.values().stream().mapToLong(Seen::size).sum());
  }

  /** Every snapshot, oldest first. */
  public List<Snapshot> snapshots() {
    return List.copyOf(snapshots.values());
  }

  public Snapshot of(String id) {
    Snapshot s = snapshots.get(id);
    if (s == null) {
      throw new IllegalArgumentException("no snapshot " + id);
    }
    return s;
  }

  /** The bytes of the lake's snapshots on disk, each file once. */
  public long onDisk() {
    return onDisk;
  }
}
