package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.state.heap.HeapKeyedStateBackend;
import io.weir.state.rocksdb.RocksDBKeyedStateBackend;
import io.weir.state.serialization.TypeSerializer;

/** Creates keyed state backends; the runtime calls it once per keyed operator instance. */
public final class StateBackends {
  private StateBackends() {}

  /**
   * A backend of {@code kind} for one parallel instance of a keyed operator, with the JVM's
   * temporary directory and default options ({@link BackendEnvironment#defaults()}) for a RocksDB
   * backend.
   *
   * @param keySerializer writes the operator's keys into snapshots (a {@link
   *     io.weir.state.serialization.RowSerializer} of the key columns, or a scalar serializer)
   * @param maxParallelism the job's number of key groups ({@code pipeline.max-parallelism})
   * @param keyGroupRange the key groups this instance owns, {@link KeyGroupRange#forTask}
   */
  public static <K> KeyedStateBackend<K> createKeyed(
      StateBackendKind kind,
      TypeSerializer<K> keySerializer,
      int maxParallelism,
      KeyGroupRange keyGroupRange) {
    return createKeyed(
        kind, keySerializer, maxParallelism, keyGroupRange, BackendEnvironment.defaults());
  }

  /**
   * A backend of {@code kind} for one parallel instance of a keyed operator; {@code env} gives a
   * RocksDB backend its local directory and options (the heap backend ignores it). A RocksDB
   * backend also implements {@link IncrementalSnapshots}.
   */
  public static <K> KeyedStateBackend<K> createKeyed(
      StateBackendKind kind,
      TypeSerializer<K> keySerializer,
      int maxParallelism,
      KeyGroupRange keyGroupRange,
      BackendEnvironment env) {
    requireNonNull(kind, "kind");
    requireNonNull(env, "env");
    return switch (kind) {
      case HEAP -> new HeapKeyedStateBackend<>(keySerializer, maxParallelism, keyGroupRange);
      case ROCKSDB ->
          new RocksDBKeyedStateBackend<>(keySerializer, maxParallelism, keyGroupRange, env);
    };
  }
}
