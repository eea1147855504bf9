package io.weir.state;

import io.weir.common.config.ConfigOption;
import io.weir.state.internal.MemorySizes;
import java.util.List;

/** Configuration options of the state backends, named as in Flink. */
public final class StateOptions {
  private StateOptions() {}

  public static final ConfigOption<StateBackendKind> STATE_BACKEND =
      ConfigOption.enumeration(
          "state.backend",
          StateBackendKind.class,
          StateBackendKind.HEAP,
          "Where keyed state lives: 'heap' (hash maps of objects) or 'rocksdb' (on local disk).");

  public static final ConfigOption<Long> ROCKSDB_BLOCK_CACHE_SIZE =
      memorySize(
          "state.backend.rocksdb.block-cache-size",
          512L << 20,
          "Native memory for RocksDB's LRU block cache (uncompressed data blocks, index and filter "
              + "blocks), shared by every RocksDB state of the process. Default '512 mb'.");

  public static final ConfigOption<Long> ROCKSDB_WRITE_BUFFER_SIZE =
      memorySize(
          "state.backend.rocksdb.writebuffer.size",
          32L << 20,
          "Size of one RocksDB memtable before it is flushed to an SST file. Default '32 mb'.");

  public static final ConfigOption<Integer> ROCKSDB_WRITE_BUFFER_COUNT =
      ConfigOption.positiveInteger(
          "state.backend.rocksdb.writebuffer.count",
          2,
          "The most memtables RocksDB keeps (one being written, the others being flushed). "
              + "Default 2.");

  public static final ConfigOption<String> ROCKSDB_LOCAL_DIR =
      ConfigOption.string(
          "state.backend.rocksdb.localdir",
          null,
          "Directory in which each RocksDB backend creates its own working directory (deleted when "
              + "the operator closes). Default: the runtime's local state directory, else the JVM's "
              + "temporary directory.");

  public static final ConfigOption<Boolean> INCREMENTAL_CHECKPOINTS =
      ConfigOption.bool(
          "state.backend.incremental",
          true,
          "Whether RocksDB checkpoints are incremental: native checkpoints whose unchanged SST "
              + "files are shared with earlier checkpoints. When false, checkpoints write the full "
              + "backend-independent format, as savepoints do.");

  /** Every option above. */
  public static List<ConfigOption<?>> all() {
    return List.of(
        STATE_BACKEND,
        ROCKSDB_BLOCK_CACHE_SIZE,
        ROCKSDB_WRITE_BUFFER_SIZE,
        ROCKSDB_WRITE_BUFFER_COUNT,
        ROCKSDB_LOCAL_DIR,
        INCREMENTAL_CHECKPOINTS);
  }

  private static ConfigOption<Long> memorySize(String key, long defaultBytes, String description) {
    return new ConfigOption<>(key, defaultBytes, description, MemorySizes::parse);
  }
}
