package io.weir.engine;

import io.weir.common.error.WeirException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an engine keeps in its state directory so that a process killed and started again carries
 * on: the catalog, as the DDL that recreates it, and every running INSERT job, as the SQL script
 * that starts it again (its settings and the statement). Plain SQL, so an operator can read it.
 *
 * <pre>
 * &lt;state dir&gt;/engine/
 *   lock                   held while a process uses the directory
 *   catalog.sql            CREATE TABLE / CREATE VIEW statements
 *   jobs/&lt;job id&gt;.sql      SET statements + INSERT INTO, one file per running job
 * &lt;state dir&gt;/checkpoints/&lt;job id&gt;/   the job's checkpoints
 * </pre>
 */
final class EngineStore implements AutoCloseable {
  private final Path directory;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EngineStore(Path directory, FileChannel lockChannel, FileLock lock) {
    this.directory = directory;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Opens (creating) the store under {@code stateDirectory}.
   *
   * @throws WeirException when another process uses the directory
   */
  static EngineStore open(Path stateDirectory) {
    Path dir = stateDirectory.resolve("engine");
    try {
      Files.createDirectories(dir.resolve("jobs"));
      FileChannel channel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        channel.close();
        throw new WeirException("The state directory '" + stateDirectory + "' is used by another Weir process;"
            + " give each process its own state directory");
      }
      return new EngineStore(dir, channel, lock);
    } catch (java.nio.channels.OverlappingFileLockException e) {
      throw new WeirException("The state directory '" + stateDirectory + "' is already used by an engine in this process");
    } catch (IOException e) {
      throw new WeirException("Cannot use the state directory '" + stateDirectory + "': " + e.getMessage(), e);
    }
  }

  String catalog() {
    return read(directory.resolve("catalog.sql"));
  }

  void saveCatalog(String ddl) {
    write(directory.resolve("catalog.sql"), ddl);
  }

  /** The scripts of the jobs that were running, by job id. */
  Map<String, String> jobs() {
    Map<String, String> jobs = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(directory.resolve("jobs"))) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".sql")) {
          jobs.put(name.substring(0, name.length() - 4), read(f));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jobs;
  }

  void saveJob(String jobId, String script) {
    write(directory.resolve("jobs").resolve(jobId + ".sql"), script);
  }

  void removeJob(String jobId) {
    try {
      Files.deleteIfExists(directory.resolve("jobs").resolve(jobId + ".sql"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes a temporary file and renames it, so a crash leaves the old or the new content, whole. */
  private static void write(Path file, String content) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException e) {
      // the lock goes with the process anyway
    }
  }
}
