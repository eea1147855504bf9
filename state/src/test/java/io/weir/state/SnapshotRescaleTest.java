package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * State written by 2 tasks, restored into 3 and into 1: every value and timer must end up at the
 * task that owns its key, and nowhere else. Every test runs on both backends; the rescale test
 * also writes with one backend and restores with the other, which is what makes savepoints
 * backend-independent.
 */
class SnapshotRescaleTest {
  @TempDir Path dir;
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

  private KeyedStateBackend<Row> backend(StateBackendKind kind, int parallelism, int task) {
    return TestBackends.create(
        kind, KEY_SERIALIZER, MAX, KeyGroupRange.forTask(MAX, parallelism, task), dir);
  }

  private static int owner(Row key, int parallelism) {
    return KeyGroups.taskForKey(key, MAX, parallelism);
  }

  /** Runs 2 tasks over all keys and snapshots them. */
  private List<MemoryKeyGroupSnapshot> snapshotAtParallelismTwo(StateBackendKind kind)
      throws IOException {
    List<MemoryKeyGroupSnapshot> snapshots = new ArrayList<>();
    for (int task = 0; task < 2; task++) {
      try (KeyedStateBackend<Row> backend = backend(kind, 2, task)) {
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

  static Stream<Arguments> writtenByRestoredByParallelism() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (StateBackendKind written : StateBackendKind.values()) {
      for (StateBackendKind restored : StateBackendKind.values()) {
        for (int parallelism : new int[] {3, 1, 2, 7}) {
          cases.add(Arguments.of(written, restored, parallelism));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} -> {1} at parallelism {2}")
  @MethodSource("writtenByRestoredByParallelism")
  void restoresEveryValueAndTimerAtTheTaskOwningItsKey(
      StateBackendKind writtenBy, StateBackendKind kind, int newParallelism) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo(writtenBy));
    Set<String> firedEverywhere = new TreeSet<>();
    int keysSeen = 0;
    for (int task = 0; task < newParallelism; task++) {
      try (KeyedStateBackend<Row> backend = backend(kind, newParallelism, task)) {
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

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void eventTimersFireInTimestampOrderAcrossMergedSnapshots(StateBackendKind kind) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo(kind));
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
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

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void undeclaredRestoredStateIsKeptByTheNextSnapshot(StateBackendKind kind) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo(kind));
    MemoryKeyGroupSnapshot again = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
      backend.restore(all); // nothing declared: everything waits as bytes
      backend.snapshot(again);
    }
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
      backend.restore(again);
      Operator op = new Operator(backend);
      for (int i = 0; i < KEYS; i++) {
        assertEquals((long) i, op.count.get(key(i)));
      }
      assertEquals(2 * KEYS, op.timers.size());
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void changedSchemaIsRefusedNamingTheState(StateBackendKind kind) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo(kind));
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
      backend.restore(all);
      IncompatibleStateException e =
          assertThrows(
              IncompatibleStateException.class,
              () -> backend.valueState(new ValueStateDescriptor<>("count", Serializers.STRING)));
      assertTrue(e.getMessage().contains("'count'"), e.getMessage());
      assertTrue(e.getMessage().contains("VALUE<BIGINT>"), e.getMessage());
      assertTrue(e.getMessage().contains("VALUE<STRING>"), e.getMessage());
    }
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
      backend.listState(new ListStateDescriptor<>("count", Serializers.LONG));
      assertThrows(IncompatibleStateException.class, () -> backend.restore(all));
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void changedKeyTypeIsRefused(StateBackendKind kind) throws IOException {
    KeyGroupSnapshotReader all = KeyGroupSnapshotReader.union(snapshotAtParallelismTwo(kind));
    try (KeyedStateBackend<Long> backend =
        TestBackends.create(kind, Serializers.LONG, MAX, KeyGroupRange.all(MAX), dir)) {
      IncompatibleStateException e =
          assertThrows(IncompatibleStateException.class, () -> backend.restore(all));
      assertTrue(e.getMessage().contains("ROW<STRING, BIGINT>"), e.getMessage());
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void overlappingSnapshotsAreRefused(StateBackendKind kind) throws IOException {
    List<MemoryKeyGroupSnapshot> snapshots = snapshotAtParallelismTwo(kind);
    KeyGroupSnapshotReader twice =
        KeyGroupSnapshotReader.union(List.of(snapshots.get(0), snapshots.get(0)));
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
      assertThrows(IllegalStateException.class, () -> backend.restore(twice));
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void emptyBackendSnapshotsAndRestores(StateBackendKind kind) throws IOException {
    MemoryKeyGroupSnapshot snapshot = new MemoryKeyGroupSnapshot();
    try (KeyedStateBackend<Row> backend = backend(kind, 4, 3)) {
      new Operator(backend);
      backend.snapshot(snapshot);
    }
    assertEquals(new HashSet<>(range(96, 127)), snapshot.keyGroups());
    try (KeyedStateBackend<Row> backend = backend(kind, 1, 0)) {
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
