package io.weir.state.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.state.KeyGroupRange;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MemoryKeyGroupSnapshot;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.TimerService;
import io.weir.state.VoidNamespace;
import io.weir.state.serialization.Serializers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimerServiceTest {
  private final KeyedStateBackend<String> backend = newBackend();
  private final TimerService<String, Long> timers =
      backend.timerService("timers", Serializers.LONG);
  private final List<String> fired = new ArrayList<>();

  private static KeyedStateBackend<String> newBackend() {
    return StateBackends.createKeyed(
        StateBackendKind.HEAP, Serializers.STRING, 128, KeyGroupRange.all(128));
  }

  private void record(String key, Long namespace, long timestamp) {
    fired.add(key + "/" + namespace + "@" + timestamp);
  }

  @AfterEach
  void close() {
    backend.close();
  }

  @Test
  void firesDueTimersInTimestampOrder() {
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

  @Test
  void sameTimestampFiresInRegistrationOrder() {
    for (String key : List.of("q", "a", "m", "z", "b", "k", "c")) {
      timers.registerEventTimeTimer(key, 0L, 5);
    }
    timers.advanceWatermark(5, this::record);
    assertEquals(List.of("q/0@5", "a/0@5", "m/0@5", "z/0@5", "b/0@5", "k/0@5", "c/0@5"), fired);
  }

  @Test
  void duplicatesAreKeptOnceAndDeletesWork() {
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

  @Test
  void deletingFromTheMiddleKeepsTheOrder() {
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

  @Test
  void timerRegisteredWhileFiringFiresIfDue() {
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

  @Test
  void timerFiringCanDeleteALaterOne() {
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

  @Test
  void advancingFromACallbackIsRefused() {
    timers.registerEventTimeTimer("a", 0L, 1);
    assertThrows(
        IllegalStateException.class,
        () -> timers.advanceWatermark(5, (k, ns, ts) -> timers.advanceWatermark(6, this::record)));
  }

  @Test
  void watermarkDoesNotGoBack() {
    timers.advanceWatermark(50, this::record);
    timers.registerEventTimeTimer("a", 0L, 40); // already passed: fires at the next advance
    timers.advanceWatermark(10, this::record);
    assertEquals(50, timers.currentWatermark());
    assertEquals(List.of("a/0@40"), fired);
  }

  @Test
  void processingTimeIsSeparateFromEventTime() {
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

  @Test
  void voidNamespaceForTimersWithoutOne() {
    TimerService<String, VoidNamespace> plain = backend.timerService("plain");
    plain.registerEventTimeTimer("a", VoidNamespace.INSTANCE, 3);
    plain.registerEventTimeTimer("a", VoidNamespace.INSTANCE, 3);
    List<String> keys = new ArrayList<>();
    plain.advanceWatermark(3, (key, ns, ts) -> keys.add(key));
    assertEquals(List.of("a"), keys);
    assertThrows(NullPointerException.class, () -> plain.registerEventTimeTimer("a", null, 1));
  }

  @Test
  void orderOfEqualTimestampsSurvivesSnapshotAndRestore() throws IOException {
    for (String key : List.of("q", "a", "m", "z", "b", "k", "c")) {
      timers.registerEventTimeTimer(key, 0L, 5);
    }
    timers.registerProcessingTimeTimer("p", 0L, 7);
    MemoryKeyGroupSnapshot snapshot = new MemoryKeyGroupSnapshot();
    backend.snapshot(snapshot);
    try (KeyedStateBackend<String> restored = newBackend()) {
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
