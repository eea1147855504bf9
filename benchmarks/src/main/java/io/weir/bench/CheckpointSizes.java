package io.weir.bench;

import io.weir.checkpointing.CheckpointStorage;
import io.weir.checkpointing.CompletedCheckpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the checkpoints of one job, in order of completion. A checkpoint's full size is what
 * restoring it reads: the bytes of its {@code chk-n} directory plus those of every shared file
 * its metadata references. Its incremental size is what taking it wrote: its directory plus the
 * shared files no earlier checkpoint of this job referenced. Without shared files (heap, RocksDB
 * with {@code state.backend.incremental} = false) the two are equal.
 */
final class CheckpointSizes {
  private final Set<Path> seenShared = new HashSet<>();

  /** Sizes of one checkpoint, in bytes. */
  record Size(long fullBytes, long incrementalBytes, int sharedFiles) {}

  /** Measures the checkpoint in {@code directory}; call in order of checkpoint id. */
  Size measure(Path directory) throws IOException {
    CompletedCheckpoint checkpoint = CheckpointStorage.load(directory);
    long own = directoryBytes(checkpoint.directory());
    long shared = 0;
    long added = 0;
    Set<Path> referenced = new HashSet<>();
    for (String file : checkpoint.metadata().sharedFiles()) {
      // Paths are relative to the root: the job directory of the checkpoint that wrote them.
      Path path = checkpoint.root().resolve(file).normalize();
      if (referenced.add(path)) {
        long bytes = Files.size(path);
        shared += bytes;
        if (seenShared.add(path)) {
          added += bytes;
        }
      }
    }
    return new Size(own + shared, own + added, referenced.size());
  }

  static long directoryBytes(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not measure " + directory, e);
    }
  }
}
