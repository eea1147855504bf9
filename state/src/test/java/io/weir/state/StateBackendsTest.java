package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.state.heap.HeapKeyedStateBackend;
import io.weir.state.serialization.Serializers;
import org.junit.jupiter.api.Test;

class StateBackendsTest {

  @Test
  void heapIsCreated() {
    try (KeyedStateBackend<Long> backend =
        StateBackends.createKeyed(
            StateBackendKind.HEAP, Serializers.LONG, 128, KeyGroupRange.forTask(128, 2, 1))) {
      assertInstanceOf(HeapKeyedStateBackend.class, backend);
      assertEquals(new KeyGroupRange(64, 127), backend.keyGroupRange());
    }
  }

  @Test
  void rocksDbSaysItIsNotThereYet() {
    UnsupportedOperationException e =
        assertThrows(
            UnsupportedOperationException.class,
            () -> StateBackends.createKeyed(
                StateBackendKind.ROCKSDB, Serializers.LONG, 128, KeyGroupRange.all(128)));
    assertTrue(e.getMessage().contains("RocksDB"), e.getMessage());
  }

  @Test
  void optionParsesBackendNames() {
    Configuration conf = new Configuration();
    assertEquals(StateBackendKind.HEAP, conf.get(StateOptions.STATE_BACKEND));
    conf.set("state.backend", "rocksdb");
    assertEquals(StateBackendKind.ROCKSDB, conf.get(StateOptions.STATE_BACKEND));
  }

  @Test
  void rangeMustFitMaxParallelism() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StateBackends.createKeyed(
            StateBackendKind.HEAP, Serializers.LONG, 64, new KeyGroupRange(0, 64)));
  }
}
