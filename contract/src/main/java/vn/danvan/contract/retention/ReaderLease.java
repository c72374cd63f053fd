package vn.danvan.contract.retention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.danvan.contract.Lake;

/**
 * A reader's hold on one snapshot: a shared OS lock on {@code LAKE/_readers/<id>.lock}, taken by
 * the warehouse while it serves the snapshot. The clean-up removes a snapshot only while it holds
 * that file's exclusive lock, so it never takes a snapshot from under a server, in this process or
 * another; a killed reader's lock goes with its process.
 *
 * <p>The JVM allows one lock per file per process, so holds on the same snapshot within a process
 * (the current snapshot and a release that pins it) share one lock, counted.
 */
public final class ReaderLease implements AutoCloseable {
  public static final String FOLDER = "_readers";

  private static final Map<Path, Held> HELD = new HashMap<>();

  private static final class Held {
    final FileChannel channel;
    final FileLock lock;
    int count;

    Held(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private final Path file;
  private boolean closed;

  private ReaderLease(Path file) {
    this.file = file;
  }

  static Path file(Lake lake, String snapshot) {
    return lake.root().resolve(FOLDER).resolve(lake.snapshot(snapshot).getFileName() + ".lock");
  }

  /**
   * Holds {@code snapshot} for reading until {@link #close()}; waits while a clean-up is deciding
   * about it (then the snapshot may be gone, which the reader finds when it opens it).
   */
  public static ReaderLease take(Lake lake, String snapshot) {
    Path file = file(lake, snapshot);
    synchronized (HELD) {
      Held held = HELD.get(file);
      if (held == null) {
        FileChannel channel = null;
        try {
          Files.createDirectories(file.getParent());
          channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
              StandardOpenOption.WRITE);
          held = new Held(channel, channel.lock(0, Long.MAX_VALUE, true));
        } catch (IOException e) {
          closeQuietly(channel);
          throw new UncheckedIOException("cannot hold snapshot " + snapshot + " for reading (" + file + ")", e);
        }
        HELD.put(file, held);
      }
      held.count++;
    }
    return new ReaderLease(file);
  }

  /**
   * The exclusive hold a clean-up takes before it removes {@code snapshot}, or empty when a reader
   * holds the snapshot (here or in another process).
   */
  static Optional<FileLock> tryExclusive(Lake lake, String snapshot) throws IOException {
    Path file = file(lake, snapshot);
    synchronized (HELD) {
      if (HELD.containsKey(file)) {
        return Optional.empty();
      }
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          channel.close();
          return Optional.empty();
        }
        return Optional.of(lock);
      } catch (OverlappingFileLockException | IOException e) {
        channel.close();
        if (e instanceof IOException io) {
          throw io;
        }
        return Optional.empty();
      }
    }
  }

  /** Whether a reader holds {@code snapshot} now (a clean-up's dry run asks this). */
  static boolean held(Lake lake, String snapshot) throws IOException {
    Optional<FileLock> probe = tryExclusive(lake, snapshot);
    if (probe.isEmpty()) {
      return true;
    }
    probe.get().channel().close();
    return false;
  }

  @Override
  public void close() {
    synchronized (HELD) {
      if (closed) {
        return;
      }
      closed = true;
      Held held = HELD.get(file);
      if (held != null && --held.count == 0) {
        HELD.remove(file);
        try {
          held.lock.release();
        } catch (IOException ignored) {
          // closing the channel releases it too
        }
        closeQuietly(held.channel);
      }
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing is held through a channel that failed to open or lock
      }
    }
  }
}
