package io.weir.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Backends whose checkpoints share unchanged files with earlier checkpoints (the RocksDB backend;
 * the heap backend does not implement it). A checkpoint is {@link #snapshotNative} on the task
 * thread, then {@link NativeSnapshot#upload} on any thread; a recovery is {@link #restoreNative}.
 * Savepoints, which must be backend-independent, use {@link KeyedStateBackend#snapshot} instead.
 */
public interface IncrementalSnapshots {

  /**
   * Synchronous part, on the task thread: a native RocksDB checkpoint (hard links; fast). The
   * task may process rows again as soon as this returns.
   */
  NativeSnapshot snapshotNative(long checkpointId) throws IOException;

  /**
   * Restores from native snapshots of earlier tasks whose key-group ranges overlap this backend's;
   * called once before the first row instead of {@link KeyedStateBackend#restore}. With exactly
   * one handle whose range equals this backend's range, the files are copied/linked in and opened
   * directly; otherwise each old DB is opened in a temporary directory and the key groups of this
   * backend's range are copied over (range iteration by key-group prefix). Handles whose range
   * does not overlap are ignored; two handles holding the same key group are an error.
   *
   * @param root the directory the handles' paths are relative to
   * @throws IncompatibleStateException if a restored state does not fit its declaration
   */
  void restoreNative(Path root, List<NativeSnapshotHandle> handles) throws IOException;
}
