package io.weir.state.rocksdb;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * RocksDB working directories ({@code weir-rocksdb-<id>} under the local directory), each locked
 * by the process using it. A process killed with SIGKILL never deletes its directories, and a
 * RocksDB database is hundreds of megabytes: so the first backend a process opens under a local
 * directory deletes the directories no living process holds — the operating system releases a
 * dead process's file locks.
 */
final class WorkDirs {
  static final String PREFIX = "weir-rocksdb-";
  private static final String LOCK_FILE = ".weir-lock";
  /** A directory of a Weir without these locks is taken as abandoned once it is this old. */
  private static final Duration UNLOCKED_GRACE = Duration.ofHours(1);
  /** The local directories swept by this process. */
  private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();

  private WorkDirs() {}

  /** A working directory in use: created, and locked until {@link #close}. */
  static final class Held implements AutoCloseable {
    final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private Held(Path dir, FileChannel channel, FileLock lock) {
      this.dir = dir;
      this.channel = channel;
      this.lock = lock;
    }

    /** Releases the lock; the caller deletes the directory. */
    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        // the lock goes with the process at the latest
      }
    }
  }

  /** Creates and locks {@code base/weir-rocksdb-<id>}, after sweeping {@code base} once per process. */
  static Held create(Path base, String id) throws IOException {
    Files.createDirectories(base);
    if (SWEPT.add(base.toAbsolutePath().normalize())) {
      sweep(base);
    }
    Path dir = base.resolve(PREFIX + id);
    Files.createDirectories(dir);
    FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      return new Held(dir, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /** Deletes the working directories under {@code base} that no process holds. */
  static int sweep(Path base) {
    int deleted = 0;
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir) && abandoned(dir)) {
          try {
            NativeFiles.deleteTree(dir);
            deleted++;
          } catch (IOException e) {
            // another process may be sweeping it too; left for the next sweep
          }
        }
      }
    } catch (IOException e) {
      // an unreadable local directory: nothing to sweep
    }
    return deleted;
  }

  private static boolean abandoned(Path dir) throws IOException {
    Path lockFile = dir.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      Instant modified = Files.getLastModifiedTime(dir).toInstant();
      return modified.isBefore(Instant.now().minus(UNLOCKED_GRACE));
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return false; // another process holds it
      }
      lock.release();
      return true;
    } catch (OverlappingFileLockException e) {
      return false; // this process holds it
    }
  }
}
