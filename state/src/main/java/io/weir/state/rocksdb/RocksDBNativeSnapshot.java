package io.weir.state.rocksdb;

import static java.util.Objects.requireNonNull;

import io.weir.state.KeyGroupRange;
import io.weir.state.NativeSnapshot;
import io.weir.state.NativeSnapshotHandle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A RocksDB checkpoint directory (hard links to the live DB's files, made by {@code
 * Checkpoint.createCheckpoint}) waiting to be uploaded or discarded. It touches only its own
 * directory, so {@link #upload} may run on another thread while the task keeps writing.
 */
final class RocksDBNativeSnapshot implements NativeSnapshot {
  private final Path dir;
  private final String instanceId;
  private final KeyGroupRange keyGroupRange;
  /** SST files this backend restored from, by local name → their existing shared path. */
  private final Map<String, String> restoredSharedFiles;
  private final AtomicBoolean done = new AtomicBoolean();

  RocksDBNativeSnapshot(
      Path dir, String instanceId, KeyGroupRange keyGroupRange,
      Map<String, String> restoredSharedFiles) {
    this.dir = dir;
    this.instanceId = instanceId;
    this.keyGroupRange = keyGroupRange;
    this.restoredSharedFiles = Map.copyOf(restoredSharedFiles);
  }

  @Override
  public NativeSnapshotHandle upload(Path root, String sharedDir, String exclusiveDir)
      throws IOException {
    requireNonNull(root, "root");
    requireNonNull(sharedDir, "sharedDir");
    requireNonNull(exclusiveDir, "exclusiveDir");
    if (!done.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "The native snapshot in " + dir + " was already uploaded or discarded");
    }
    try {
      List<String> shared = new ArrayList<>();
      List<String> exclusive = new ArrayList<>();
      for (Path file : NativeFiles.list(dir)) {
        String name = file.getFileName().toString();
        if (name.endsWith(".sst")) {
          String path = restoredSharedFiles.get(name);
          if (path == null || !Files.exists(root.resolve(path))) {
            path = sharedDir + "/" + instanceId + "-" + name;
          }
          Path target = root.resolve(path);
          // RocksDB never rewrites an SST file: one that is there already has this content.
          if (!Files.exists(target)) {
            NativeFiles.linkOrCopy(file, target);
          }
          shared.add(path);
        } else {
          String path = exclusiveDir + "/" + name;
          NativeFiles.copy(file, root.resolve(path));
          exclusive.add(path);
        }
      }
      return new NativeSnapshotHandle(keyGroupRange, shared, exclusive);
    } finally {
      NativeFiles.deleteTree(dir);
    }
  }

  @Override
  public void discard() {
    done.set(true);
    try {
      NativeFiles.deleteTree(dir);
    } catch (IOException e) {
      // Best effort: the backend's working directory is deleted on close anyway.
    }
  }

  @Override
  public String toString() {
    return "RocksDBNativeSnapshot[" + dir + ", key groups " + keyGroupRange + "]";
  }
}
