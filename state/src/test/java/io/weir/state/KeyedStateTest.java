package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyedStateTest {
  @TempDir Path dir;
  private KeyedStateBackend<Row> backend;

  private void open(StateBackendKind kind) {
    backend =
        TestBackends.create(
            kind, new RowSerializer(List.of(LogicalType.string())), 128, KeyGroupRange.all(128),
            dir);
  }

  private static Row key(String k) {
    return Row.of(k);
  }

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void valueStatePerKey(StateBackendKind kind) {
    open(kind);
    ValueState<Row, Long> counts =
        backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
    assertNull(counts.get(key("a")));
    counts.put(key("a"), 1L);
    counts.put(key("b"), 5L);
    counts.put(key("a"), counts.get(key("a")) + 1);
    assertEquals(2L, counts.get(key("a")));
    assertEquals(5L, counts.get(key("b")));
    counts.clear(key("a"));
    assertNull(counts.get(key("a")));
    counts.put(key("b"), null);
    assertNull(counts.get(key("b")));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void mapStatePerKeyInInsertionOrder(StateBackendKind kind) {
    open(kind);
    MapState<Row, String, Long> map =
        backend.mapState(new MapStateDescriptor<>("m", Serializers.STRING, Serializers.LONG));
    assertTrue(map.isEmpty(key("a")));
    assertFalse(map.entries(key("a")).iterator().hasNext());
    map.put(key("a"), "z", 1L);
    map.put(key("a"), "y", null);
    map.put(key("a"), "x", 3L);
    map.put(key("b"), "z", 9L);
    assertEquals(1L, map.get(key("a"), "z"));
    assertTrue(map.contains(key("a"), "y"));
    assertNull(map.get(key("a"), "y"));
    assertFalse(map.contains(key("a"), "w"));
    assertEquals(List.of("z", "y", "x"), list(map.keys(key("a"))));
    List<String> entries = new ArrayList<>();
    map.entries(key("a")).forEach(e -> entries.add(e.getKey() + "=" + e.getValue()));
    assertEquals(List.of("z=1", "y=null", "x=3"), entries);
    map.remove(key("a"), "z");
    map.remove(key("a"), "y");
    map.remove(key("a"), "not there");
    assertEquals(List.of("x"), list(map.keys(key("a"))));
    map.remove(key("a"), "x");
    assertTrue(map.isEmpty(key("a")));
    map.clear(key("b"));
    assertTrue(map.isEmpty(key("b")));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void mapStateViewsAreReadOnly(StateBackendKind kind) {
    open(kind);
    MapState<Row, String, Long> map =
        backend.mapState(new MapStateDescriptor<>("m", Serializers.STRING, Serializers.LONG));
    map.put(key("a"), "k", 1L);
    Map.Entry<String, Long> entry = map.entries(key("a")).iterator().next();
    assertThrows(UnsupportedOperationException.class, () -> entry.setValue(2L));
    assertThrows(
        UnsupportedOperationException.class,
        () -> {
          var it = map.keys(key("a")).iterator();
          it.next();
          it.remove();
        });
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void listStatePerKey(StateBackendKind kind) {
    open(kind);
    ListState<Row, String> lists =
        backend.listState(new ListStateDescriptor<>("l", Serializers.STRING));
    assertEquals(List.of(), lists.get(key("a")));
    lists.add(key("a"), "1");
    lists.add(key("a"), "2");
    lists.add(key("b"), "3");
    assertEquals(List.of("1", "2"), lists.get(key("a")));
    assertThrows(UnsupportedOperationException.class, () -> lists.get(key("a")).add("x"));
    List<String> replacement = new ArrayList<>(List.of("9"));
    lists.update(key("a"), replacement);
    replacement.add("not in state");
    assertEquals(List.of("9"), lists.get(key("a")));
    lists.update(key("a"), List.of());
    assertEquals(List.of(), lists.get(key("a")));
    lists.clear(key("b"));
    assertEquals(List.of(), lists.get(key("b")));
    assertThrows(NullPointerException.class, () -> lists.add(key("a"), null));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void namespacesSeparateStatePerKeyAndWindow(StateBackendKind kind) {
    open(kind);
    NamespacedValueState<Row, Long, Long> sums =
        backend.valueState(new ValueStateDescriptor<>("sum", Serializers.LONG), Serializers.LONG);
    sums.put(key("a"), 10L, 1L);
    sums.put(key("a"), 20L, 2L);
    sums.put(key("b"), 10L, 3L);
    assertEquals(1L, sums.get(key("a"), 10L));
    assertEquals(2L, sums.get(key("a"), 20L));
    assertEquals(3L, sums.get(key("b"), 10L));
    assertNull(sums.get(key("b"), 20L));
    sums.clear(key("a"), 10L);
    assertNull(sums.get(key("a"), 10L));
    assertEquals(2L, sums.get(key("a"), 20L));
    assertThrows(NullPointerException.class, () -> sums.put(key("a"), null, 1L));

    NamespacedListState<Row, Long, String> rows =
        backend.listState(new ListStateDescriptor<>("rows", Serializers.STRING), Serializers.LONG);
    rows.add(key("a"), 10L, "x");
    rows.add(key("a"), 20L, "y");
    assertEquals(List.of("x"), rows.get(key("a"), 10L));
    rows.update(key("a"), 10L, List.of("p", "q"));
    assertEquals(List.of("p", "q"), rows.get(key("a"), 10L));
    rows.clear(key("a"), 10L);
    assertEquals(List.of(), rows.get(key("a"), 10L));
    assertEquals(List.of("y"), rows.get(key("a"), 20L));

    NamespacedMapState<Row, Long, String, Long> maps =
        backend.mapState(
            new MapStateDescriptor<>("maps", Serializers.STRING, Serializers.LONG), Serializers.LONG);
    maps.put(key("a"), 10L, "u", 1L);
    maps.put(key("a"), 20L, "u", 2L);
    assertEquals(1L, maps.get(key("a"), 10L, "u"));
    assertEquals(2L, maps.get(key("a"), 20L, "u"));
    assertTrue(maps.contains(key("a"), 20L, "u"));
    maps.remove(key("a"), 10L, "u");
    assertTrue(maps.isEmpty(key("a"), 10L));
    assertEquals(List.of("u"), list(maps.keys(key("a"), 20L)));
    assertEquals(1, list(maps.entries(key("a"), 20L)).size());
    maps.clear(key("a"), 20L);
    assertTrue(maps.isEmpty(key("a"), 20L));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void declaringAgainReturnsTheSameStateOrFails(StateBackendKind kind) {
    open(kind);
    ValueState<Row, Long> first =
        backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG));
    assertSame(first, backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG)));
    IllegalStateException otherType =
        assertThrows(
            IllegalStateException.class,
            () -> backend.valueState(new ValueStateDescriptor<>("count", Serializers.STRING)));
    assertTrue(otherType.getMessage().contains("VALUE<BIGINT>"), otherType.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> backend.valueState(new ValueStateDescriptor<>("count", Serializers.LONG), Serializers.LONG));
    assertThrows(
        IllegalStateException.class,
        () -> backend.listState(new ListStateDescriptor<>("count", Serializers.LONG)));
    assertThrows(IllegalStateException.class, () -> backend.timerService("count"));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void keysOfAnotherTaskAreRejected(StateBackendKind kind) {
    open(kind);
    KeyGroupRange firstHalf = KeyGroupRange.forTask(128, 2, 0);
    try (KeyedStateBackend<Long> half =
        TestBackends.create(kind, Serializers.LONG, 128, firstHalf, dir)) {
      ValueState<Long, Long> state =
          half.valueState(new ValueStateDescriptor<>("v", Serializers.LONG));
      long foreign = 0;
      while (firstHalf.contains(KeyGroups.assign(foreign, 128))) {
        foreign++;
      }
      long own = foreign;
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> state.put(own, 1L));
      assertTrue(e.getMessage().contains("outside this task's range [0, 63]"), e.getMessage());
      assertThrows(NullPointerException.class, () -> state.get(null));
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void closedBackendRefusesDeclarations(StateBackendKind kind) {
    open(kind);
    backend.close();
    backend.close();
    assertThrows(
        IllegalStateException.class,
        () -> backend.valueState(new ValueStateDescriptor<>("v", Serializers.LONG)));
  }

  private static <T> List<T> list(Iterable<T> iterable) {
    List<T> list = new ArrayList<>();
    iterable.forEach(list::add);
    return list;
  }
}
