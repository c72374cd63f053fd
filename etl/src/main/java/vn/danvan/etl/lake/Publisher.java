package vn.danvan.etl.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import vn.danvan.contract.Lake;
import vn.danvan.contract.LakeLock;
import vn.danvan.contract.retention.Retention;

/**
 * Makes a staged snapshot the published one with two atomic renames, so that a reader (or a kill -9
 * at any instant) only ever sees CURRENT naming a complete snapshot: first {@code _staging/<id>}
 * becomes {@code snapshots/<id>}, then a fresh {@code CURRENT.tmp} replaces {@code CURRENT}.
 * Callers hold the {@link LakeLock}.
 */
public final class Publisher {
  private Publisher() {}

  public static void publish(Lake lake, String id) {
    Path staged = lake.staging(id);
    Path published = lake.snapshot(id);
    Path tmp = lake.root().resolve(Lake.CURRENT + ".tmp");
    try {
      Files.createDirectories(lake.snapshotsDir());
      // the new CURRENT is written and synced first, so that only two renames lie between the
      // snapshot's appearing and its becoming current
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        out.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.UTF_8)));
        out.force(true);
      }
      Files.move(staged, published, StandardCopyOption.ATOMIC_MOVE);
      Files.move(tmp, lake.currentFile(), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot publish snapshot " + id + " in " + lake, e);
    }
  }

  /**
   * Deletes what killed loads left: their folders in {@code _staging/}, a stray {@code
   * CURRENT.tmp}, and a snapshot whose load was killed between the two renames, which was never
   * current ({@link Retention#removeNeverCurrent}). Only safe under the lock: then no other load is
   * staging or publishing.
   */
  public static void clearLeftovers(Lake lake) {
    Retention.removeNeverCurrent(lake);
    try {
      Retention.removeStaging(lake);
      Files.createDirectories(lake.stagingDir());
      Files.deleteIfExists(lake.root().resolve(Lake.CURRENT + ".tmp"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + lake.stagingDir(), e);
    }
  }

  /** Removes a folder and everything below it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
        Files.delete(p);
      }
    }
  }
}
