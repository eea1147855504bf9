package io.weir.state;

import static java.util.Objects.requireNonNull;

import io.weir.state.heap.HeapKeyedStateBackend;
import io.weir.state.serialization.TypeSerializer;

/** Creates keyed state backends; the runtime calls it once per keyed operator instance. */
public final class StateBackends {
  private StateBackends() {}

  /**
   * A backend of {@code kind} for one parallel instance of a keyed operator.
   *
   * @param keySerializer writes the operator's keys into snapshots (a {@link
   *     io.weir.state.serialization.RowSerializer} of the key columns, or a scalar serializer)
   * @param maxParallelism the job's number of key groups ({@code pipeline.max-parallelism})
   * @param keyGroupRange the key groups this instance owns, {@link KeyGroupRange#forTask}
   * @throws UnsupportedOperationException for {@link StateBackendKind#ROCKSDB}, not built yet
   */
  public static <K> KeyedStateBackend<K> createKeyed(
      StateBackendKind kind,
      TypeSerializer<K> keySerializer,
      int maxParallelism,
      KeyGroupRange keyGroupRange) {
    requireNonNull(kind, "kind");
    return switch (kind) {
      case HEAP -> new HeapKeyedStateBackend<>(keySerializer, maxParallelism, keyGroupRange);
      case ROCKSDB ->
          throw new UnsupportedOperationException(
              "The RocksDB state backend is not implemented yet; use SET 'state.backend' = 'heap'");
    };
  }
}
