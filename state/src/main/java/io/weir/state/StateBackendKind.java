package io.weir.state;

/** The state backends, chosen with {@code SET 'state.backend' = 'heap' | 'rocksdb'}. */
public enum StateBackendKind {
  /** Hash maps of objects on the Java heap: fastest, bounded by memory. */
  HEAP,
  /** RocksDB on local disk: binary, out-of-core, incremental checkpoints. */
  ROCKSDB
}
