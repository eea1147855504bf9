package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A snapshot started with {@link KeyedStateBackend#snapshotAsync} holds the state as it was when it
 * started, although the task keeps changing state — in place too: map and list containers — while
 * another thread writes the snapshot.
 */
class AsyncSnapshotTest {
  private static final int MAX = 128;
  private static final int KEYS = 2000;
  private static final RowSerializer KEY = new RowSerializer(List.of(LogicalType.bigint()));

  @TempDir Path dir;

  private record States(ValueState<Row, Long> count, MapState<Row, String, Long> map, ListState<Row, String> list,
      TimerService<Row, VoidNamespace> timers) {
    static States declare(KeyedStateBackend<Row> backend) {
      return new States(
          backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG)),
          backend.mapState(new MapStateDescriptor<>("map", Serializers.STRING, Serializers.LONG)),
          backend.listState(new ListStateDescriptor<>("list", Serializers.STRING)),
          backend.timerService("timers"));
    }

    /** Everything, in a comparable form; timers by firing them. */
    Map<String, String> dump() {
      Map<String, String> all = new TreeMap<>();
      for (long k = 0; k < KEYS; k++) {
        Row key = Row.of(k);
        List<String> entries = new ArrayList<>();
        map.entries(key).forEach(e -> entries.add(e.getKey() + "=" + e.getValue()));
        all.put("k" + k, count.get(key) + " " + entries + " " + list.get(key));
      }
      List<String> fired = new ArrayList<>();
      timers.advanceWatermark(Long.MAX_VALUE, (key, ns, ts) -> fired.add(key + "@" + ts));
      fired.sort(null);
      all.put("timers", fired.toString());
      return all;
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void holdsTheStateOfItsStartWhileTheTaskGoesOn(StateBackendKind kind) throws Exception {
    KeyedStateBackend<Row> backend = TestBackends.create(kind, KEY, MAX, KeyGroupRange.all(MAX), dir);
    States live = States.declare(backend);
    for (long k = 0; k < KEYS; k++) {
      Row key = Row.of(k);
      live.count().put(key, k);
      live.map().put(key, "a", k);
      live.list().add(key, "x" + k);
      live.timers().registerEventTimeTimer(key, VoidNamespace.INSTANCE, 1000 + k);
    }
    KeyedStateBackend<Row> expectedBackend = TestBackends.create(kind, KEY, MAX, KeyGroupRange.all(MAX), dir);
    MemoryKeyGroupSnapshot syncCopy = new MemoryKeyGroupSnapshot();
    backend.snapshot(syncCopy);
    expectedBackend.restore(syncCopy);
    Map<String, String> expected = States.declare(expectedBackend).dump();

    AsyncKeyedSnapshot snapshot = backend.snapshotAsync();
    MemoryKeyGroupSnapshot written = new MemoryKeyGroupSnapshot();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread writer = new Thread(() -> {
      try {
        snapshot.writeTo(written);
      } catch (Throwable t) {
        failure.set(t);
      }
    });
    writer.start();
    // The task goes on, racing the writer: changes values, mutates containers, fires and adds timers.
    for (long k = KEYS - 1; k >= 0; k--) {
      Row key = Row.of(k);
      live.count().put(key, -k);
      live.map().put(key, "a", -1L);
      live.map().put(key, "b", 7L);
      live.list().add(key, "y");
      live.timers().deleteEventTimeTimer(key, VoidNamespace.INSTANCE, 1000 + k);
      live.timers().registerEventTimeTimer(key, VoidNamespace.INSTANCE, 5000 + k);
    }
    live.timers().advanceWatermark(5000 + KEYS / 2, (key, ns, ts) -> {});
    writer.join();
    assertEquals(null, failure.get());

    KeyedStateBackend<Row> restored = TestBackends.create(kind, KEY, MAX, KeyGroupRange.all(MAX), dir);
    restored.restore(written);
    assertEquals(expected, States.declare(restored).dump());
    backend.close();
    expectedBackend.close();
    restored.close();
  }
}
