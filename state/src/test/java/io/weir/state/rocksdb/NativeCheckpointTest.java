package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.IncompatibleStateException;
import io.weir.state.IncrementalSnapshots;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroups;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.MemoryKeyGroupSnapshot;
import io.weir.state.NamespacedValueState;
import io.weir.state.NativeSnapshot;
import io.weir.state.NativeSnapshotHandle;
import io.weir.state.StateBackendKind;
import io.weir.state.TestBackends;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Incremental native checkpoints: they share SST files, restore at the same key-group range by
 * opening the files, and at another range by copying key groups out of the old DBs.
 */
class NativeCheckpointTest {
  private static final int MAX = 128;
  private static final RowSerializer KEY_SERIALIZER =
      new RowSerializer(List.of(LogicalType.string(), LogicalType.bigint()));

  @TempDir Path local;
  @TempDir Path durable;

  /** The states of one operator instance, as its open() would declare them. */
  private static final class Operator {
    final ValueState<Row, Long> count;
    final MapState<Row, String, Long> map;
    final ListState<Row, String> list;
    final NamespacedValueState<Row, Long, String> perWindow;
    final TimerService<Row, Long> timers;

    Operator(KeyedStateBackend<Row> backend) {
      count = backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
      map =
          backend.mapState(new MapStateDescriptor<>("map", Serializers.STRING, Serializers.LONG));
      list = backend.listState(new ListStateDescriptor<>("list", Serializers.STRING));
      perWindow =
          backend.valueState(
              new ValueStateDescriptor<>("window", Serializers.STRING), Serializers.LONG);
      timers = backend.timerService("timers", Serializers.LONG);
    }

    /** Writes keys [from, to): the state every later assertion expects of key i. */
    void write(int from, int to, KeyGroupRange range) {
      for (int i = from; i < to; i++) {
        Row key = key(i);
        if (!range.contains(KeyGroups.assign(key, MAX))) {
          continue;
        }
        count.put(key, (long) i);
        map.put(key, "z", (long) i);
        map.put(key, "a", null);
        list.add(key, "x" + i);
        list.add(key, "y" + i);
        perWindow.put(key, 10L, "w" + i);
        timers.registerEventTimeTimer(key, 10L, 100 + i % 7);
      }
    }

    void verify(int keys, KeyGroupRange range) {
      for (int i = 0; i < keys; i++) {
        Row key = key(i);
        if (!range.contains(KeyGroups.assign(key, MAX))) {
          continue;
        }
        assertEquals((long) i, count.get(key), "count of " + key);
        List<String> mapKeys = new ArrayList<>();
        map.keys(key).forEach(mapKeys::add);
        assertEquals(List.of("z", "a"), mapKeys);
        assertTrue(map.contains(key, "a"));
        assertNull(map.get(key, "a"));
        assertEquals(List.of("x" + i, "y" + i), list.get(key));
        assertEquals("w" + i, perWindow.get(key, 10L));
      }
    }
  }

  private static Row key(int i) {
    return Row.of("key-" + i, (long) i);
  }

  private RocksDBKeyedStateBackend<Row> backend(KeyGroupRange range) {
    return (RocksDBKeyedStateBackend<Row>)
        TestBackends.create(StateBackendKind.ROCKSDB, KEY_SERIALIZER, MAX, range, local);
  }

  private NativeSnapshotHandle checkpoint(IncrementalSnapshots backend, long id) throws IOException {
    NativeSnapshot snapshot = backend.snapshotNative(id);
    return snapshot.upload(durable, "shared", "chk-" + id + "/" + System.identityHashCode(backend));
  }

  private Set<String> sharedFilesOnDisk() throws IOException {
    try (Stream<Path> files = Files.list(durable.resolve("shared"))) {
      return new HashSet<>(files.map(p -> "shared/" + p.getFileName()).toList());
    }
  }

  @Test
  void secondCheckpointSharesTheFirstOnesFilesAndUploadsOnlyNewOnes() throws IOException {
    KeyGroupRange all = KeyGroupRange.all(MAX);
    try (RocksDBKeyedStateBackend<Row> backend = backend(all)) {
      Operator op = new Operator(backend);
      op.write(0, 2000, all);
      NativeSnapshotHandle first = checkpoint(backend, 1);
      Set<String> afterFirst = sharedFilesOnDisk();
      op.write(2000, 2500, all);
      NativeSnapshotHandle second = checkpoint(backend, 2);
      Set<String> uploadedBySecond = sharedFilesOnDisk();
      uploadedBySecond.removeAll(afterFirst);

      Set<String> common = new HashSet<>(first.sharedFiles());
      common.retainAll(second.sharedFiles());
      assertFalse(common.isEmpty(), "checkpoint 2 shares no SST file with checkpoint 1: " + first
          + " / " + second);
      assertTrue(uploadedBySecond.size() < second.sharedFiles().size(),
          "checkpoint 2 uploaded " + uploadedBySecond + " of " + second.sharedFiles());
      assertFalse(uploadedBySecond.isEmpty(), "the new writes are in a new SST file");
      assertTrue(second.privateFiles().stream().anyMatch(f -> f.contains("MANIFEST")));
      assertTrue(second.privateFiles().stream().allMatch(f -> f.startsWith("chk-2/")));
      // The local checkpoint directories are gone once uploaded.
      try (Stream<Path> files = Files.list(backend.workingDirectory())) {
        assertEquals(List.of("db"), files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
      }
    }
  }

  @Test
  void restoresAtTheSameRangeByOpeningTheFiles() throws IOException {
    KeyGroupRange all = KeyGroupRange.all(MAX);
    NativeSnapshotHandle handle;
    MemoryKeyGroupSnapshot expected = new MemoryKeyGroupSnapshot();
    try (RocksDBKeyedStateBackend<Row> backend = backend(all)) {
      Operator op = new Operator(backend);
      op.write(0, 1000, all);
      checkpoint(backend, 1);
      op.write(1000, 1500, all);
      handle = checkpoint(backend, 2);
      backend.snapshot(expected);
      op.write(1500, 1600, all); // after the checkpoint: must not be restored
    }
    try (RocksDBKeyedStateBackend<Row> restored = backend(all)) {
      Operator op = new Operator(restored); // declared before the restore, as open() may
      restored.restoreNative(durable, List.of(handle));
      op.verify(1500, all);
      assertNull(op.count.get(key(1550)));
      assertEquals(1500, op.timers.size());
      MemoryKeyGroupSnapshot actual = new MemoryKeyGroupSnapshot();
      restored.snapshot(actual);
      assertSnapshotsEqual(expected, actual);

      // Restored sequence numbers continue: a new user key goes after the restored ones.
      op.map.put(key(0), "new", 1L);
      List<String> keys = new ArrayList<>();
      op.map.keys(key(0)).forEach(keys::add);
      assertEquals(List.of("z", "a", "new"), keys);
      List<Long> fired = new ArrayList<>();
      op.timers.advanceWatermark(Long.MAX_VALUE, (k, ns, ts) -> fired.add(ts));
      List<Long> sorted = new ArrayList<>(fired);
      sorted.sort(null);
      assertEquals(sorted, fired);
      assertEquals(1500, fired.size());

      // Its next checkpoint reuses the restored SST files instead of uploading them again.
      NativeSnapshotHandle next = checkpoint(restored, 3);
      Set<String> reused = new HashSet<>(handle.sharedFiles());
      reused.retainAll(next.sharedFiles());
      assertFalse(reused.isEmpty(), handle + " / " + next);
    }
  }

  @Test
  void restoresAtAnotherParallelismByCopyingKeyGroups() throws IOException {
    int keys = 1200;
    List<NativeSnapshotHandle> handles = new ArrayList<>();
    for (int task = 0; task < 2; task++) {
      KeyGroupRange range = KeyGroupRange.forTask(MAX, 2, task);
      try (RocksDBKeyedStateBackend<Row> backend = backend(range)) {
        if (task == 1) {
          // Another declaration order: the state ids differ from task 0's.
          backend.timerService("timers", Serializers.LONG);
          backend.listState(new ListStateDescriptor<>("list", Serializers.STRING));
        }
        Operator op = new Operator(backend);
        op.write(0, keys, range);
        handles.add(checkpoint(backend, 7));
      }
    }
    int timers = 0;
    for (int task = 0; task < 3; task++) {
      KeyGroupRange range = KeyGroupRange.forTask(MAX, 3, task);
      try (RocksDBKeyedStateBackend<Row> restored = backend(range)) {
        Operator op;
        if (task == 0) {
          op = new Operator(restored);
          restored.restoreNative(durable, handles);
        } else {
          restored.restoreNative(durable, handles);
          op = new Operator(restored);
        }
        op.verify(keys, range);
        int[] fired = {0};
        op.timers.advanceWatermark(Long.MAX_VALUE, (k, ns, ts) -> {
          assertTrue(range.contains(KeyGroups.assign(k, MAX)), "timer of " + k + " fired here");
          fired[0]++;
        });
        timers += fired[0];
      }
    }
    assertEquals(keys, timers);
  }

  @Test
  void restoredStateWithAnotherSchemaIsRefusedNamingIt() throws IOException {
    KeyGroupRange all = KeyGroupRange.all(MAX);
    NativeSnapshotHandle handle;
    try (RocksDBKeyedStateBackend<Row> backend = backend(all)) {
      new Operator(backend).write(0, 10, all);
      handle = checkpoint(backend, 1);
    }
    try (RocksDBKeyedStateBackend<Row> restored = backend(all)) {
      restored.restoreNative(durable, List.of(handle));
      IncompatibleStateException e =
          assertThrows(
              IncompatibleStateException.class,
              () -> restored.valueState(new ValueStateDescriptor<>("count", Serializers.STRING)));
      assertTrue(e.getMessage().contains("'count'"), e.getMessage());
      assertTrue(e.getMessage().contains("VALUE<BIGINT>"), e.getMessage());
    }
    try (RocksDBKeyedStateBackend<Row> restored = backend(KeyGroupRange.forTask(MAX, 2, 0))) {
      restored.listState(new ListStateDescriptor<>("count", Serializers.LONG));
      assertThrows(
          IncompatibleStateException.class,
          () -> restored.restoreNative(durable, List.of(handle)));
    }
  }

  @Test
  void canonicalRestoreOfUndeclaredStateSurvivesANativeCheckpoint() throws IOException {
    KeyGroupRange all = KeyGroupRange.all(MAX);
    MemoryKeyGroupSnapshot savepoint = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<Row> heap =
        TestBackends.create(StateBackendKind.HEAP, KEY_SERIALIZER, MAX, all, local)) {
      new Operator(heap).write(0, 300, all);
      heap.snapshot(savepoint);
    }
    NativeSnapshotHandle handle;
    try (RocksDBKeyedStateBackend<Row> backend = backend(all)) {
      backend.restore(savepoint); // nothing declared: kept as snapshot bytes
      handle = checkpoint(backend, 1);
    }
    for (KeyGroupRange range : List.of(all, KeyGroupRange.forTask(MAX, 2, 1))) {
      try (RocksDBKeyedStateBackend<Row> restored = backend(range)) {
        restored.restoreNative(durable, List.of(handle));
        Operator op = new Operator(restored);
        op.verify(300, range);
      }
    }
  }

  @Test
  void discardDeletesTheLocalCheckpointAndHandlesRoundTrip() throws IOException {
    try (RocksDBKeyedStateBackend<Row> backend = backend(KeyGroupRange.forTask(MAX, 4, 1))) {
      new Operator(backend).write(0, 100, backend.keyGroupRange());
      NativeSnapshot snapshot = backend.snapshotNative(5);
      assertTrue(Files.isDirectory(backend.workingDirectory().resolve("chk-5")));
      snapshot.discard();
      snapshot.discard();
      assertFalse(Files.exists(backend.workingDirectory().resolve("chk-5")));
      assertThrows(IllegalStateException.class, () -> snapshot.upload(durable, "s", "e"));

      NativeSnapshotHandle handle = checkpoint(backend, 6);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      handle.write(new DataOutputStream(bytes));
      NativeSnapshotHandle read =
          NativeSnapshotHandle.read(
              new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      assertEquals(handle, read);
      assertEquals(KeyGroupRange.forTask(MAX, 4, 1), read.keyGroupRange());
    }
  }

  @Test
  void restoringAfterStateWasWrittenIsRefused() throws IOException {
    KeyGroupRange all = KeyGroupRange.all(MAX);
    try (RocksDBKeyedStateBackend<Row> backend = backend(all)) {
      Operator op = new Operator(backend);
      op.write(0, 10, all);
      NativeSnapshotHandle handle = checkpoint(backend, 1);
      assertThrows(
          IllegalStateException.class, () -> backend.restoreNative(durable, List.of(handle)));
    }
  }

  static void assertSnapshotsEqual(MemoryKeyGroupSnapshot expected, MemoryKeyGroupSnapshot actual) {
    assertEquals(expected.keyGroups(), actual.keyGroups());
    for (int keyGroup : expected.keyGroups()) {
      assertTrue(
          java.util.Arrays.equals(expected.bytes(keyGroup), actual.bytes(keyGroup)),
          "key group " + keyGroup + " differs");
    }
  }
}
