package io.weir.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TimerServiceTest {
  @TempDir Path dir;
  private KeyedStateBackend<String> backend;
  private TimerService<String, Long> timers;
  private final List<String> fired = new ArrayList<>();

  private void open(StateBackendKind kind) {
    backend = newBackend(kind);
    timers = backend.timerService("timers", Serializers.LONG);
  }

  private KeyedStateBackend<String> newBackend(StateBackendKind kind) {
    return TestBackends.create(kind, Serializers.STRING, 128, KeyGroupRange.all(128), dir);
  }

  private void record(String key, Long namespace, long timestamp) {
    fired.add(key + "/" + namespace + "@" + timestamp);
  }

  @AfterEach
  void close() {
    if (backend != null) {
      backend.close();
    }
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void firesDueTimersInTimestampOrder(StateBackendKind kind) {
    open(kind);
    timers.registerEventTimeTimer("a", 1L, 30);
    timers.registerEventTimeTimer("b", 1L, 10);
    timers.registerEventTimeTimer("c", 2L, 20);
    timers.registerEventTimeTimer("d", 2L, 40);
    timers.advanceWatermark(30, this::record);
    assertEquals(List.of("b/1@10", "c/2@20", "a/1@30"), fired);
    assertEquals(30, timers.currentWatermark());
    assertEquals(1, timers.size());
    fired.clear();
    timers.advanceWatermark(39, this::record);
    assertEquals(List.of(), fired);
    timers.advanceWatermark(Long.MAX_VALUE, this::record);
    assertEquals(List.of("d/2@40"), fired);
    assertEquals(0, timers.size());
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void sameTimestampFiresInRegistrationOrder(StateBackendKind kind) {
    open(kind);
    for (String key : List.of("q", "a", "m", "z", "b", "k", "c")) {
      timers.registerEventTimeTimer(key, 0L, 5);
    }
    timers.advanceWatermark(5, this::record);
    assertEquals(List.of("q/0@5", "a/0@5", "m/0@5", "z/0@5", "b/0@5", "k/0@5", "c/0@5"), fired);
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void duplicatesAreKeptOnceAndDeletesWork(StateBackendKind kind) {
    open(kind);
    timers.registerEventTimeTimer("a", 1L, 10);
    timers.registerEventTimeTimer("a", 1L, 10);
    timers.registerEventTimeTimer("a", 2L, 10); // other namespace: another timer
    timers.registerEventTimeTimer("a", 1L, 11); // other time: another timer
    timers.registerEventTimeTimer("b", 1L, 12);
    timers.deleteEventTimeTimer("b", 1L, 12);
    timers.deleteEventTimeTimer("b", 1L, 99); // absent: no-op
    assertEquals(3, timers.size());
    timers.advanceWatermark(100, this::record);
    assertEquals(List.of("a/1@10", "a/2@10", "a/1@11"), fired);
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void deletingFromTheMiddleKeepsTheOrder(StateBackendKind kind) {
    open(kind);
    for (int ts = 100; ts > 0; ts--) {
      timers.registerEventTimeTimer("k" + ts, 0L, ts);
    }
    for (int ts = 2; ts <= 100; ts += 3) {
      timers.deleteEventTimeTimer("k" + ts, 0L, ts);
    }
    List<Long> times = new ArrayList<>();
    timers.advanceWatermark(1000, (k, ns, ts) -> times.add(ts));
    List<Long> expected = new ArrayList<>();
    for (long ts = 1; ts <= 100; ts++) {
      if ((ts - 2) % 3 != 0) {
        expected.add(ts);
      }
    }
    assertEquals(expected, times);
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void timerRegisteredWhileFiringFiresIfDue(StateBackendKind kind) {
    open(kind);
    timers.registerEventTimeTimer("a", 0L, 10);
    timers.advanceWatermark(
        20,
        (key, ns, ts) -> {
          record(key, ns, ts);
          if (key.equals("a") && ts == 10) {
            timers.registerEventTimeTimer("a", 0L, 15); // due: fires now
            timers.registerEventTimeTimer("a", 0L, 20); // due (== watermark): fires now
            timers.registerEventTimeTimer("a", 0L, 21); // not due
            timers.registerEventTimeTimer("b", 0L, 10); // same time as the one firing: fires now
          }
        });
    assertEquals(List.of("a/0@10", "b/0@10", "a/0@15", "a/0@20"), fired);
    assertEquals(1, timers.size());
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void timerFiringCanDeleteALaterOne(StateBackendKind kind) {
    open(kind);
    timers.registerEventTimeTimer("a", 0L, 10);
    timers.registerEventTimeTimer("a", 0L, 11);
    timers.advanceWatermark(
        20,
        (key, ns, ts) -> {
          record(key, ns, ts);
          timers.deleteEventTimeTimer("a", 0L, 11);
        });
    assertEquals(List.of("a/0@10"), fired);
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void advancingFromACallbackIsRefused(StateBackendKind kind) {
    open(kind);
    timers.registerEventTimeTimer("a", 0L, 1);
    assertThrows(
        IllegalStateException.class,
        () -> timers.advanceWatermark(5, (k, ns, ts) -> timers.advanceWatermark(6, this::record)));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void watermarkDoesNotGoBack(StateBackendKind kind) {
    open(kind);
    timers.advanceWatermark(50, this::record);
    timers.registerEventTimeTimer("a", 0L, 40); // already passed: fires at the next advance
    timers.advanceWatermark(10, this::record);
    assertEquals(50, timers.currentWatermark());
    assertEquals(List.of("a/0@40"), fired);
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void processingTimeIsSeparateFromEventTime(StateBackendKind kind) {
    open(kind);
    timers.registerProcessingTimeTimer("a", 0L, 100);
    timers.registerProcessingTimeTimer("b", 0L, 50);
    timers.registerEventTimeTimer("c", 0L, 50);
    assertEquals(50, timers.nextProcessingTimeTimer());
    timers.advanceProcessingTime(60, this::record);
    assertEquals(List.of("b/0@50"), fired);
    assertEquals(100, timers.nextProcessingTimeTimer());
    timers.deleteProcessingTimeTimer("a", 0L, 100);
    assertEquals(Long.MAX_VALUE, timers.nextProcessingTimeTimer());
    fired.clear();
    timers.advanceWatermark(50, this::record);
    assertEquals(List.of("c/0@50"), fired);
    assertEquals(60, timers.currentProcessingTime());
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void voidNamespaceForTimersWithoutOne(StateBackendKind kind) {
    open(kind);
    TimerService<String, VoidNamespace> plain = backend.timerService("plain");
    plain.registerEventTimeTimer("a", VoidNamespace.INSTANCE, 3);
    plain.registerEventTimeTimer("a", VoidNamespace.INSTANCE, 3);
    List<String> keys = new ArrayList<>();
    plain.advanceWatermark(3, (key, ns, ts) -> keys.add(key));
    assertEquals(List.of("a"), keys);
    assertThrows(NullPointerException.class, () -> plain.registerEventTimeTimer("a", null, 1));
  }

  @ParameterizedTest
  @EnumSource(StateBackendKind.class)
  void orderOfEqualTimestampsSurvivesSnapshotAndRestore(StateBackendKind kind) throws IOException {
    open(kind);
    for (String key : List.of("q", "a", "m", "z", "b", "k", "c")) {
      timers.registerEventTimeTimer(key, 0L, 5);
    }
    timers.registerProcessingTimeTimer("p", 0L, 7);
    MemoryKeyGroupSnapshot snapshot = new MemoryKeyGroupSnapshot();
    backend.snapshot(snapshot);
    try (KeyedStateBackend<String> restored = newBackend(kind)) {
      restored.restore(snapshot);
      TimerService<String, Long> again = restored.timerService("timers", Serializers.LONG);
      again.registerEventTimeTimer("after", 0L, 5); // registered after the restored ones
      again.advanceWatermark(5, this::record);
      again.advanceProcessingTime(7, this::record);
    }
    assertEquals(
        List.of("q/0@5", "a/0@5", "m/0@5", "z/0@5", "b/0@5", "k/0@5", "c/0@5", "after/0@5",
            "p/0@7"),
        fired);
  }
}
