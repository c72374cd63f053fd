package vn.danvan.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock a load holds on {@code LAKE/.lock} from before it reads {@code CURRENT} until after it
 * has switched it (and a clean-up while it removes what only a load may touch). It is an OS file lock, so it is released when the process dies, even by kill -9:
 * a killed load never blocks the next one.
 */
public final class LakeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private LakeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock if nobody holds it: a clean-up ({@code lake gc}) that finds a load running does
   * only what is safe beside it.
   */
  public static java.util.Optional<LakeLock> tryAcquire(Lake lake) {
    try {
      return java.util.Optional.of(acquire(lake));
    } catch (LakeBusyException busy) {
      return java.util.Optional.empty();
    }
  }

  /** Takes the lock or fails at once: a second load waits for nobody, it is refused. */
  public static LakeLock acquire(Lake lake) {
    Path file = lake.lockFile();
    FileChannel channel = null;
    try {
      Files.createDirectories(lake.root());
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        throw busy(file);
      }
      return new LakeLock(channel, lock);
    } catch (OverlappingFileLockException sameJvm) {
      closeQuietly(channel);
      throw busy(file);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("cannot lock " + file, e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  private static LakeBusyException busy(Path file) {
    return new LakeBusyException("another load is running on this lake (it holds " + file
        + "); wait for it to finish");
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the lock attempt already failed; that failure is the one to report
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lake lock", e);
    }
  }
}
