package vn.danvan.contract.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import vn.danvan.contract.Lake;

/**
 * The mark a {@code load --submissions --watch} holds on {@code LAKE/}{@value #FILE} for as long as
 * it runs: an OS file lock (released when the process ends, even by kill -9) on a file that says
 * which process it is and since when. The dashboard's "load the pending submissions" asks it
 * ({@link #running}) before it starts a load of its own: a watcher loads them as they arrive. A
 * second watcher on the same lake is refused.
 */
public final class SubmissionWatcher implements AutoCloseable {
  /** The file in the lake's root folder. */
  public static final String FILE = ".watcher";
  /** How long {@link #mark} tries while a {@link #running} question holds the file for a moment. */
  private static final long TRY_FOR_MILLIS = 2_000;

  /** A watcher that has not written who it is yet. */
  private static final Running UNKNOWN = new Running(-1, Instant.EPOCH);

  /** The watcher that holds the mark: its process id and when it started. */
  public record Running(long pid, Instant since) {
    @Override
    public String toString() {
      return pid < 0 ? "starting" : "pid " + pid + ", since " + since;
    }
  }

  /** Another watcher holds the mark. */
  public static final class AlreadyWatchedException extends RuntimeException {
    private final transient Running running;

    AlreadyWatchedException(Running running) {
      super("another load --submissions --watch (" + running + ") already loads this lake's submissions as they"
          + " arrive");
      this.running = running;
    }

    public Running running() {
      return running;
    }
  }

  private final FileLock lock;

  private SubmissionWatcher(FileLock lock) {
    this.lock = lock;
  }

  /**
   * Takes the mark for the watcher {@code self}, or fails with the one that holds it.
   *
   * @throws AlreadyWatchedException when another watcher runs on this lake
   */
  public static SubmissionWatcher mark(Lake lake, Running self) {
    Path file = lake.root().resolve(FILE);
    try {
      Files.createDirectories(lake.root());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      try {
        long until = System.currentTimeMillis() + TRY_FOR_MILLIS;
        FileLock lock;
        // a question (running) holds a shared lock for a moment: try again until it has let go
        while ((lock = tryLock(channel, false)) == null) {
          if (System.currentTimeMillis() > until) {
            throw new AlreadyWatchedException(read(file).orElse(UNKNOWN));
          }
          Thread.sleep(20);
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((self.pid() + " " + self.since() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new SubmissionWatcher(lock);
      } catch (IOException | InterruptedException | RuntimeException e) {
        channel.close(); // the mark was not taken: let go of the file
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot mark " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while marking " + file, e);
    }
  }

  /** The watcher running on this lake, if one is: whoever holds the mark. */
  public static Optional<Running> running(Lake lake) {
    Path file = lake.root().resolve(FILE);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      FileLock probe = tryLock(channel, true);
      if (probe != null) {
        probe.release();
        return Optional.empty(); // the file of a watcher that has ended
      }
      return Optional.of(read(file).orElse(UNKNOWN));
    } catch (NoSuchFileException never) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Null when another holds the file; this JVM's own mark counts as another's. */
  private static FileLock tryLock(FileChannel channel, boolean shared) throws IOException {
    try {
      return channel.tryLock(0, Long.MAX_VALUE, shared);
    } catch (OverlappingFileLockException sameJvm) {
      return null;
    }
  }

  /** What the file says; empty while its watcher has not written it yet. */
  private static Optional<Running> read(Path file) throws IOException {
    String[] parts = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Running(Long.parseLong(parts[0]), Instant.parse(parts[1])));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /** Lets go of the mark (the file stays: a question finds it unlocked). */
  @Override
  public void close() {
    try {
      lock.channel().close(); // and with it the lock
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the watcher's mark", e);
    }
  }
}
