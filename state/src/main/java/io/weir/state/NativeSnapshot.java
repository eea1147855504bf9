package io.weir.state;

import java.io.IOException;
import java.nio.file.Path;

/** A native checkpoint taken by {@link IncrementalSnapshots#snapshotNative}, still local. */
public interface NativeSnapshot {

  /**
   * Copies the native checkpoint into durable storage; may run on any thread, once. SST files go
   * to {@code root/sharedDir} under a name that identifies their content uniquely ({@code <backend
   * instance id>-<sst file name>}; RocksDB never rewrites an SST file), and are NOT copied again if
   * that file already exists there — that is what makes it incremental. Every other file
   * (MANIFEST, CURRENT, OPTIONS…) goes into {@code root/exclusiveDir}. Paths in the handle are
   * relative to {@code root}. Deletes the local checkpoint directory when done.
   */
  NativeSnapshotHandle upload(Path root, String sharedDir, String exclusiveDir) throws IOException;

  /** Deletes the local native checkpoint without uploading (checkpoint aborted). Idempotent. */
  void discard();
}
