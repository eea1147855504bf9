package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.IncompatibleStateException;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyGroupSnapshotReader;
import io.weir.state.KeyGroups;
import io.weir.state.KeyedStateBackend;
import io.weir.state.ListState;
import io.weir.state.ListStateDescriptor;
import io.weir.state.MapState;
import io.weir.state.MapStateDescriptor;
import io.weir.state.MemoryKeyGroupSnapshot;
import io.weir.state.NamespacedValueState;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.TimerService;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * State written by 2 tasks, restored into 3 and into 1: every value and timer must end up at the
 * task that owns its key, and nowhere else.
 */
class SnapshotRescaleTest {
  private static final int MAX = 128;
  private static final int KEYS = 300;
  private static final RowSerializer KEY_SERIALIZER =
      new RowSerializer(List.of(LogicalType.string(), LogicalType.bigint()));

  /** The states of one operator instance, as its open() would declare them. */
  private static final class Operator {
    final ValueState<Row, Long> count;
    final MapState<Row, String, Row> map;
    final ListState<Row, String> list;
    final NamespacedValueState<Row, Long, Long> perWindow;
    final TimerService<Row, Long> timers;

    Operator(KeyedStateBackend<Row> backend) {
      count = backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
      map =
          backend.mapState(
              new MapStateDescriptor<>(
                  "map", Serializers.STRING,
                  new RowSerializer(List.of(LogicalType.integer(), LogicalType.string()))));
      list = backend.listState(new ListStateDescriptor<>("list", Serializers.STRING));
      perWindow =
          backend.valueState(new ValueStateDescriptor<>("window", Serializers.LONG), Serializers.LONG);
      timers = backend.timerService("timers", Serializers.LONG);
    }
  }

  private static Row key(int i) {
    return Row.of("key-" + i, (long) i);
  }

  private static KeyedStateBackend<Row> backend(int parallelism, int task) {
    return StateBackends.createKeyed(
        StateBackendKind.HEAP, KEY_SERIALIZER, MAX, KeyGroupRange.forTask(MAX, parallelism, task));
  }

  private static int owner(Row key, int parallelism) {
    return KeyGroups.taskForKey(key, MAX, parallelism);
  }

  /** Runs 2 tasks over all keys and snapshots them. */
  private static List<MemoryKeyGroupSnapshot> snapshotAtParallelismTwo() throws IOException {
    List<MemoryKeyGroupSnapshot> snapshots = new ArrayList<>();
    for (int task = 0; task < 2; task++) {
      try (KeyedStateBackend<Row> backend = backend(2, task)) {
        Operator op = new Operator(backend);
        for (int i = 0; i < KEYS; i++) {
          Row key = key(i);
          if (owner(key, 2) != task) {
            continue;
          }
          op.count.put(key, (long) i);
          op.map.put(key, "b", Row.of(i, null));
          op.map.put(key, "a", Row.of(null, "v" + i));
          op.list.add(key, "x" + i);
          op.list.add(key, "y" + i);
          op.perWindow.put(key, 1000L, (long) -i);
          op.perWindow.put(key, 2000L, (long) i * 2);
          op.timers.registerEventTimeTimer(key, 1000L, 999 + i);
          op.timers.registerProcessingTimeTimer(key, 2000L, 5000 + i);
        }
        MemoryKeyGroupSnapshot snapshot = new MemoryKeyGroupSnapshot();
        backend.snapshot(snapshot);
        // Every key group of the range is written, empty or not.
        KeyGroupRange range = backend.keyGroupRange();
        assertEquals(range.size(), snapshot.keyGroups().size());
        assertEquals(range.start(), (int) snapshot.keyGroups().iterator().next());
        snapshots.add(snapshot);
      }
    }
    return snapshots;
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 1, 2, 7})
  void restoresEveryValueAndTimerAtTheTaskOwningItsKey(int newParallelism) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo());
    Set<String> firedEverywhere = new TreeSet<>();
    int keysSeen = 0;
    for (int task = 0; task < newParallelism; task++) {
      try (KeyedStateBackend<Row> backend = backend(newParallelism, task)) {
        Operator op;
        if (task % 2 == 0) { // restore, then open() declares: the restored bytes wait
          backend.restore(all);
          op = new Operator(backend);
        } else { // open() declares, then restore fills the declared states
          op = new Operator(backend);
          backend.restore(all);
        }
        for (int i = 0; i < KEYS; i++) {
          Row key = key(i);
          if (owner(key, newParallelism) != task) {
            continue;
          }
          keysSeen++;
          assertEquals((long) i, op.count.get(key));
          assertEquals(Row.of(i, null), op.map.get(key, "b"));
          List<String> mapKeys = new ArrayList<>();
          op.map.keys(key).forEach(mapKeys::add);
          assertEquals(List.of("b", "a"), mapKeys, "insertion order survives the snapshot");
          assertEquals(List.of("x" + i, "y" + i), op.list.get(key));
          assertEquals((long) -i, op.perWindow.get(key, 1000L));
          assertEquals((long) i * 2, op.perWindow.get(key, 2000L));
          assertNull(op.perWindow.get(key, 3000L));
        }
        final int taskIndex = task;
        List<String> fired = new ArrayList<>();
        op.timers.advanceWatermark(Long.MAX_VALUE, (key, ns, ts) -> {
          assertEquals(taskIndex, owner(key, newParallelism), "timer fired at the wrong task");
          fired.add("event " + key.field(0) + " " + ns + " " + ts);
        });
        op.timers.advanceProcessingTime(Long.MAX_VALUE, (key, ns, ts) -> {
          assertEquals(taskIndex, owner(key, newParallelism), "timer fired at the wrong task");
          fired.add("processing " + key.field(0) + " " + ns + " " + ts);
        });
        for (String f : fired) {
          assertTrue(firedEverywhere.add(f), "fired twice: " + f);
        }
      }
    }
    assertEquals(KEYS, keysSeen);
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < KEYS; i++) {
      expected.add("event key-" + i + " 1000 " + (999 + i));
      expected.add("processing key-" + i + " 2000 " + (5000 + i));
    }
    assertEquals(expected, firedEverywhere);
  }

  @Test
  void eventTimersFireInTimestampOrderAcrossMergedSnapshots() throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo());
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.restore(all);
      Operator op = new Operator(backend);
      List<Long> times = new ArrayList<>();
      op.timers.advanceWatermark(Long.MAX_VALUE, (key, ns, ts) -> times.add(ts));
      List<Long> sorted = new ArrayList<>(times);
      sorted.sort(null);
      assertEquals(KEYS, times.size());
      assertEquals(sorted, times);
    }
  }

  @Test
  void undeclaredRestoredStateIsKeptByTheNextSnapshot() throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo());
    MemoryKeyGroupSnapshot again = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.restore(all); // nothing declared: everything waits as bytes
      backend.snapshot(again);
    }
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.restore(again);
      Operator op = new Operator(backend);
      for (int i = 0; i < KEYS; i++) {
        assertEquals((long) i, op.count.get(key(i)));
      }
      assertEquals(2 * KEYS, op.timers.size());
    }
  }

  @Test
  void changedSchemaIsRefusedNamingTheState() throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo());
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.restore(all);
      IncompatibleStateException e =
          assertThrows(
              IncompatibleStateException.class,
              () -> backend.valueState(new ValueStateDescriptor<>("count", Serializers.STRING)));
      assertTrue(e.getMessage().contains("'count'"), e.getMessage());
      assertTrue(e.getMessage().contains("VALUE<BIGINT>"), e.getMessage());
      assertTrue(e.getMessage().contains("VALUE<STRING>"), e.getMessage());
    }
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.listState(new ListStateDescriptor<>("count", Serializers.LONG));
      assertThrows(IncompatibleStateException.class, () -> backend.restore(all));
    }
  }

  @Test
  void changedKeyTypeIsRefused() throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo());
    try (KeyedStateBackend<Long> backend =
        StateBackends.createKeyed(StateBackendKind.HEAP, Serializers.LONG, MAX, KeyGroupRange.all(MAX))) {
      IncompatibleStateException e =
          assertThrows(IncompatibleStateException.class, () -> backend.restore(all));
      assertTrue(e.getMessage().contains("ROW<STRING, BIGINT>"), e.getMessage());
    }
  }

  @Test
  void overlappingSnapshotsAreRefused() throws IOException {
    List<MemoryKeyGroupSnapshot> snapshots = snapshotAtParallelismTwo();
    KeyGroupSnapshotReader twice =
        KeyGroupSnapshotReader.union(List.of(snapshots.get(0), snapshots.get(0)));
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      assertThrows(IllegalStateException.class, () -> backend.restore(twice));
    }
  }

  @Test
  void emptyBackendSnapshotsAndRestores() throws IOException {
    MemoryKeyGroupSnapshot snapshot = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<Row> backend = backend(4, 3)) {
      new Operator(backend);
      backend.snapshot(snapshot);
    }
    assertEquals(new HashSet<>(range(96, 127)), snapshot.keyGroups());
    try (KeyedStateBackend<Row> backend = backend(1, 0)) {
      backend.restore(snapshot);
      Operator op = new Operator(backend);
      assertEquals(0, op.timers.size());
    }
  }

  private static List<Integer> range(int from, int toInclusive) {
    List<Integer> list = new ArrayList<>();
    for (int i = from; i <= toInclusive; i++) {
      list.add(i);
    }
    return list;
  }
}
