package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.config.Configuration;
import io.weir.common.error.WeirException;
import io.weir.state.heap.HeapKeyedStateBackend;
import io.weir.state.rocksdb.RocksDBKeyedStateBackend;
import io.weir.state.serialization.Serializers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void rocksDbIsCreatedInItsOwnDirectoryAndDeletesItOnClose(@TempDir Path dir) {
    Path workDir;
    try (KeyedStateBackend<Long> backend =
        StateBackends.createKeyed(
            StateBackendKind.ROCKSDB, Serializers.LONG, 128, KeyGroupRange.forTask(128, 2, 1),
            new BackendEnvironment(dir, new Configuration()))) {
      assertInstanceOf(RocksDBKeyedStateBackend.class, backend);
      assertInstanceOf(IncrementalSnapshots.class, backend);
      workDir = ((RocksDBKeyedStateBackend<Long>) backend).workingDirectory();
      assertEquals(dir, workDir.getParent());
      assertTrue(Files.isDirectory(workDir));
    }
    assertFalse(Files.exists(workDir));
  }

  @Test
  void heapHasNoNativeSnapshots() {
    try (KeyedStateBackend<Long> backend =
        StateBackends.createKeyed(
            StateBackendKind.HEAP, Serializers.LONG, 128, KeyGroupRange.all(128))) {
      assertFalse(backend instanceof IncrementalSnapshots);
    }
  }

  @Test
  void localDirOptionWinsOverTheEnvironment(@TempDir Path dir) {
    Configuration conf = new Configuration();
    conf.set(StateOptions.ROCKSDB_LOCAL_DIR.key(), dir.resolve("configured").toString());
    try (RocksDBKeyedStateBackend<Long> backend =
        new RocksDBKeyedStateBackend<>(
            Serializers.LONG, 128, KeyGroupRange.all(128),
            new BackendEnvironment(dir.resolve("runtime"), conf))) {
      assertEquals(dir.resolve("configured"), backend.workingDirectory().getParent());
    }
  }

  @Test
  void rocksDbOptionsHaveFlinksNamesAndSafeDefaults() {
    Configuration conf = new Configuration();
    assertEquals(512L << 20, conf.get(StateOptions.ROCKSDB_BLOCK_CACHE_SIZE));
    assertEquals(32L << 20, conf.get(StateOptions.ROCKSDB_WRITE_BUFFER_SIZE));
    assertEquals(2, conf.get(StateOptions.ROCKSDB_WRITE_BUFFER_COUNT));
    assertEquals(true, conf.get(StateOptions.INCREMENTAL_CHECKPOINTS));
    assertEquals(null, conf.get(StateOptions.ROCKSDB_LOCAL_DIR));
    conf.set("state.backend.rocksdb.block-cache-size", "1 gb");
    conf.set("state.backend.rocksdb.writebuffer.size", "512kb");
    assertEquals(1L << 30, conf.get(StateOptions.ROCKSDB_BLOCK_CACHE_SIZE));
    assertEquals(512L << 10, conf.get(StateOptions.ROCKSDB_WRITE_BUFFER_SIZE));
    conf.set("state.backend.rocksdb.writebuffer.size", "32 parsecs");
    WeirException e =
        assertThrows(WeirException.class, () -> conf.get(StateOptions.ROCKSDB_WRITE_BUFFER_SIZE));
    assertTrue(e.getMessage().contains("state.backend.rocksdb.writebuffer.size"), e.getMessage());
    assertTrue(StateOptions.all().contains(StateOptions.INCREMENTAL_CHECKPOINTS));
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
