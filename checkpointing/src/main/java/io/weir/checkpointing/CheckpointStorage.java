package io.weir.checkpointing;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The checkpoints of one job on the local file system:
 *
 * <pre>
 * &lt;execution.checkpointing.dir&gt;/&lt;job id&gt;/
 *   chk-7/                 one directory per checkpoint
 *     _metadata            written last, atomically: a checkpoint without it is incomplete
 *     &lt;files&gt;              state only this checkpoint uses (heap key-group files, RocksDB MANIFEST…)
 *   shared/                RocksDB SST files, shared by the checkpoints that reference them
 * </pre>
 *
 * A savepoint is one self-contained directory, {@code savepoint-<job>-<id>/}, with its own {@code
 * _metadata}. Retention keeps the last N completed checkpoints and deletes every shared file none
 * of them references.
 */
public final class CheckpointStorage {
  public static final String METADATA = "_metadata";
  public static final String SHARED = "shared";
  private static final String PREFIX = "chk-";

  private final Path jobDirectory;

  public CheckpointStorage(Path jobDirectory) {
    this.jobDirectory = jobDirectory;
  }

  public Path jobDirectory() {
    return jobDirectory;
  }

  /** Creates the directory of checkpoint {@code id}. */
  public CheckpointTarget begin(long id) throws IOException {
    Files.createDirectories(jobDirectory.resolve(SHARED));
    String name = PREFIX + id;
    Files.createDirectories(jobDirectory.resolve(name));
    return new CheckpointTarget(id, false, jobDirectory, name, SHARED);
  }

  /** Creates a savepoint directory for checkpoint {@code id} of job {@code jobId} under {@code parent}. */
  public static CheckpointTarget beginSavepoint(Path parent, String jobId, long id) throws IOException {
    String shortId = jobId.length() > 6 ? jobId.substring(0, 6) : jobId;
    Path dir = parent.resolve("savepoint-" + shortId + "-" + id + "-" + Long.toHexString(System.nanoTime() & 0xffffff));
    Files.createDirectories(dir);
    return new CheckpointTarget(id, true, dir, ".", SHARED);
  }

  /** Writes the metadata of a checkpoint whose every task has written its state: it is complete. */
  public static CompletedCheckpoint complete(CheckpointTarget target, CheckpointMetadata metadata) throws IOException {
    Path dir = target.exclusivePath().normalize();
    Path tmp = dir.resolve(METADATA + ".inprogress");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      metadata.write(out);
    }
    try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
    try {
      Files.move(tmp, dir.resolve(METADATA), StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(tmp, dir.resolve(METADATA), StandardCopyOption.REPLACE_EXISTING);
    }
    return new CompletedCheckpoint(metadata, dir, target.root().normalize());
  }

  /**
   * Reads a checkpoint or savepoint directory (or its {@code _metadata} file).
   *
   * @throws IOException naming the path when it holds no complete checkpoint
   */
  public static CompletedCheckpoint load(Path path) throws IOException {
    Path dir = path.getFileName() != null && path.getFileName().toString().equals(METADATA) ? path.getParent() : path;
    Path file = dir.resolve(METADATA);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(dir.toString(), null,
          "no " + METADATA + " file: not a completed checkpoint or savepoint");
    }
    CheckpointMetadata metadata;
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      metadata = CheckpointMetadata.read(in, file.toString());
    }
    Path root = metadata.savepoint() ? dir : dir.getParent();
    return new CompletedCheckpoint(metadata, dir.toAbsolutePath().normalize(), root.toAbsolutePath().normalize());
  }

  /** The completed checkpoint with the highest id, if any. */
  public Optional<CompletedCheckpoint> latest() throws IOException {
    List<Long> ids = completedIds();
    for (int i = ids.size() - 1; i >= 0; i--) {
      try {
        return Optional.of(load(jobDirectory.resolve(PREFIX + ids.get(i))));
      } catch (IOException e) {
        // A damaged checkpoint is skipped in favour of the one before it.
      }
    }
    return Optional.empty();
  }

  /** Ids of the checkpoints whose metadata was written, ascending. */
  public List<Long> completedIds() throws IOException {
    List<Long> ids = new ArrayList<>();
    if (!Files.isDirectory(jobDirectory)) {
      return ids;
    }
    try (Stream<Path> children = Files.list(jobDirectory)) {
      children.forEach(p -> {
        String name = p.getFileName().toString();
        if (name.startsWith(PREFIX) && Files.isRegularFile(p.resolve(METADATA))) {
          try {
            ids.add(Long.parseLong(name.substring(PREFIX.length())));
          } catch (NumberFormatException ignored) {
            // not ours
          }
        }
      });
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /** Deletes an aborted checkpoint's directory. Shared files it uploaded go at the next retention. */
  public void discard(CheckpointTarget target) {
    deleteRecursively(target.exclusivePath());
  }

  /**
   * Keeps the newest {@code retained} completed checkpoints, deletes the rest, and deletes every
   * shared file no kept checkpoint references — also those of aborted checkpoints. Call only while
   * no checkpoint is in progress: one in progress may reference files no completed one does yet.
   */
  public void retain(int retained) throws IOException {
    List<Long> ids = completedIds();
    for (int i = 0; i < ids.size() - retained; i++) {
      deleteRecursively(jobDirectory.resolve(PREFIX + ids.get(i)));
    }
    // Incomplete checkpoint directories (a crash while writing) are garbage too.
    try (Stream<Path> children = Files.list(jobDirectory)) {
      for (Path p : children.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith(PREFIX) && !Files.exists(p.resolve(METADATA))) {
          deleteRecursively(p);
        }
      }
    }
    Set<String> referenced = new HashSet<>();
    for (long id : completedIds()) {
      for (String f : load(jobDirectory.resolve(PREFIX + id)).metadata().sharedFiles()) {
        referenced.add(jobDirectory.resolve(f).normalize().toString());
      }
    }
    Path shared = jobDirectory.resolve(SHARED);
    if (Files.isDirectory(shared)) {
      try (Stream<Path> files = Files.list(shared)) {
        for (Path f : files.toList()) {
          if (!referenced.contains(f.normalize().toString())) {
            Files.deleteIfExists(f);
          }
        }
      }
    }
  }

  /** Deletes everything of this job's checkpoints. */
  public void discardAll() {
    deleteRecursively(jobDirectory);
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + path, e);
    }
  }
}
