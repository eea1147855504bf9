package io.weir.checkpointing;

import java.nio.file.Path;

/**
 * A checkpoint or savepoint that can be restored: its metadata, its directory, and the root its
 * files' relative paths start from (a checkpoint's job directory, or the savepoint itself).
 */
public record CompletedCheckpoint(CheckpointMetadata metadata, Path directory, Path root) {

  public long id() {
    return metadata.checkpointId();
  }
}
