package io.weir.state;

import io.weir.common.config.Configuration;
import io.weir.state.serialization.TypeSerializer;
import java.nio.file.Path;

/** Creates backends of either kind for tests, RocksDB ones under a JUnit temporary directory. */
public final class TestBackends {
  private TestBackends() {}

  public static <K> KeyedStateBackend<K> create(
      StateBackendKind kind, TypeSerializer<K> keySerializer, int maxParallelism,
      KeyGroupRange range, Path dir) {
    return StateBackends.createKeyed(
        kind, keySerializer, maxParallelism, range, environment(dir));
  }

  /** Small native memory: tests open many backends at once. */
  public static BackendEnvironment environment(Path dir) {
    Configuration config = new Configuration();
    config.set(StateOptions.ROCKSDB_BLOCK_CACHE_SIZE.key(), "8 mb");
    config.set(StateOptions.ROCKSDB_WRITE_BUFFER_SIZE.key(), "4 mb");
    return new BackendEnvironment(dir, config);
  }
}
