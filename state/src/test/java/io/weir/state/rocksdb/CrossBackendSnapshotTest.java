package io.weir.state.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapStateDescriptor;
import io.weir.state.MemoryKeyGroupSnapshot;
import io.weir.state.NamespacedMapState;
import io.weir.state.StateBackendKind;
import io.weir.state.TestBackends;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The canonical snapshot format is the same on both backends: heap → RocksDB → heap keeps every
 * value and timer, including the firing order of equal timestamps, and RocksDB writes the very
 * bytes it read.
 */
class CrossBackendSnapshotTest {
  private static final int MAX = 16;
  private static final KeyGroupRange ALL = KeyGroupRange.all(MAX);

  @TempDir Path dir;

  private KeyedStateBackend<String> backend(StateBackendKind kind) {
    return TestBackends.create(kind, Serializers.STRING, MAX, ALL, dir);
  }

  private static final List<String> KEYS = List.of("q", "a", "m", "z", "b", "k", "c");

  /** The states the tests declare, in one order. */
  private record States(
      ValueState<String, Long> values, ListState<String, String> lists,
      NamespacedMapState<String, Long, String, Long> maps, TimerService<String, Long> timers) {
    static States declare(KeyedStateBackend<String> backend) {
      return new States(
          backend.valueState(new ValueStateDescriptor<>("v", Serializers.LONG)),
          backend.listState(new ListStateDescriptor<>("l", Serializers.STRING)),
          backend.mapState(
              new MapStateDescriptor<>("m", Serializers.STRING, Serializers.LONG),
              Serializers.LONG),
          backend.timerService("t", Serializers.LONG));
    }
  }

  private static void write(KeyedStateBackend<String> backend) {
    States s = States.declare(backend);
    long n = 0;
    for (String key : KEYS) {
      s.values.put(key, n);
      s.lists.add(key, key + "1");
      s.lists.add(key, key + "2");
      s.maps.put(key, 5L, "second", n);
      s.maps.put(key, 5L, "first", null);
      s.timers.registerEventTimeTimer(key, 0L, 5); // equal timestamps: registration order
      s.timers.registerProcessingTimeTimer(key, 1L, 100 - n);
      n++;
    }
  }

  private static List<String> read(KeyedStateBackend<String> backend) {
    States s = States.declare(backend);
    List<String> seen = new ArrayList<>();
    for (String key : KEYS) {
      seen.add(key + " v=" + s.values.get(key) + " l=" + s.lists.get(key));
      s.maps.entries(key, 5L)
          .forEach(e -> seen.add(key + " m " + e.getKey() + "=" + e.getValue()));
    }
    s.timers.advanceWatermark(5, (k, ns, ts) -> seen.add("event " + k + "/" + ns + "@" + ts));
    s.timers.advanceProcessingTime(
        Long.MAX_VALUE, (k, ns, ts) -> seen.add("processing " + k + "/" + ns + "@" + ts));
    return seen;
  }

  @Test
  void heapToRocksDbToHeapKeepsStateAndTimerOrder() throws IOException {
    MemoryKeyGroupSnapshot fromHeap = new MemoryKeyGroupSnapshot();
    List<String> expected;
    try (KeyedStateBackend<String> heap = backend(StateBackendKind.HEAP)) {
      write(heap);
      heap.snapshot(fromHeap);
      expected = read(heap);
    }
    MemoryKeyGroupSnapshot fromRocks = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<String> rocks = backend(StateBackendKind.ROCKSDB)) {
      rocks.restore(fromHeap);
      rocks.snapshot(fromRocks);
      assertEquals(expected, read(rocks));
    }
    try (KeyedStateBackend<String> heap = backend(StateBackendKind.HEAP)) {
      heap.restore(fromRocks);
      assertEquals(expected, read(heap));
    }
    assertEquals(
        List.of("event q/0@5", "event a/0@5", "event m/0@5", "event z/0@5", "event b/0@5",
            "event k/0@5", "event c/0@5"),
        expected.stream().filter(s -> s.startsWith("event")).toList());
  }

  @Test
  void rocksDbWritesTheBytesItRestored() throws IOException {
    MemoryKeyGroupSnapshot first = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<String> rocks = backend(StateBackendKind.ROCKSDB)) {
      write(rocks);
      rocks.snapshot(first);
    }
    // Declared after the restore: decoded into RocksDB's layout and encoded again.
    MemoryKeyGroupSnapshot decoded = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<String> rocks = backend(StateBackendKind.ROCKSDB)) {
      rocks.restore(first);
      States.declare(rocks);
      rocks.snapshot(decoded);
    }
    NativeCheckpointTest.assertSnapshotsEqual(first, decoded);
    // Never declared: kept and written back as the restored bytes.
    MemoryKeyGroupSnapshot kept = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<String> rocks = backend(StateBackendKind.ROCKSDB)) {
      rocks.restore(first);
      rocks.snapshot(kept);
    }
    NativeCheckpointTest.assertSnapshotsEqual(first, kept);
  }
}
