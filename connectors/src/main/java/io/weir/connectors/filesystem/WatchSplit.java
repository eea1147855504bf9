package io.weir.connectors.filesystem;

import io.weir.runtime.connector.SourceSplit;
import java.nio.file.Path;

/**
 * Share {@code index} of {@code count} of a watched directory: the files, present and future, whose
 * path hashes to this share. The runtime's splits are fixed when a job starts, so a directory that
 * keeps growing is read through one such long-lived split per task.
 */
record WatchSplit(Path root, int index, int count) implements SourceSplit {
  @Override
  public String id() {
    return root + "#watch-" + index + "-of-" + count;
  }

  boolean owns(Path file) {
    return Math.floorMod(root.relativize(file).toString().hashCode(), count) == index;
  }
}
