package io.weir.checkpointing;

import java.nio.file.Path;

/**
 * Where the tasks write the state of one checkpoint: files only this checkpoint uses go to {@code
 * root/exclusiveDir}, files several checkpoints may share (RocksDB SST files) to {@code
 * root/sharedDir}. Handles record paths relative to {@code root}, so a directory can be moved.
 * A savepoint is self-contained and canonical: no shared files, no backend-specific format.
 */
public record CheckpointTarget(long checkpointId, boolean savepoint, Path root, String exclusiveDir, String sharedDir) {

  public Path exclusivePath() {
    return root.resolve(exclusiveDir);
  }

  public Path sharedPath() {
    return root.resolve(sharedDir);
  }
}
