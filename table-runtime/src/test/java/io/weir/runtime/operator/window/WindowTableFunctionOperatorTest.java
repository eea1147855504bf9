package io.weir.runtime.operator.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.WindowSpec;
import io.weir.common.plan.WindowTableFunctionSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTableFunctionOperatorTest {
  // (k, ts) → (k, ts, window_start, window_end, window_time)
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string()).add("ts", LogicalType.timestamp(3)).build();
  private static final RowType OUTPUT = RowType.builder()
      .add("k", LogicalType.string()).add("ts", LogicalType.timestamp(3))
      .add("window_start", LogicalType.timestamp(3)).add("window_end", LogicalType.timestamp(3))
      .add("window_time", LogicalType.timestamp(3)).build();

  private static OperatorHarness harness(WindowSpec window, boolean eventTime, List<Integer> partitionKeys) {
    WindowTableFunctionSpec spec = new WindowTableFunctionSpec(window, 1, eventTime, partitionKeys, INPUT, OUTPUT);
    return OperatorHarness.of(() -> new WindowTableFunctionOperator(spec)).snapshotAndRestoreAfterEachInput();
  }

  private static OperatorHarness harness(WindowSpec window) {
    return harness(window, true, List.of());
  }

  private static long t(String time) {
    return Instant.parse("2020-04-15T" + time + "Z").toEpochMilli();
  }

  private static Row in(String k, long ts) {
    return Row.of(k, ts);
  }

  private static Row out(String k, long ts, long start, long end) {
    return Row.of(k, ts, start, end, end - 1);
  }

  @Test
  void tumbleWindowsExcludeTheirEnd() {
    long size = 5 * 60_000;
    harness(new WindowSpec.Tumble(size, 0))
        .input(in("a", t("10:00:00"))).expectOutput(out("a", t("10:00:00"), t("10:00:00"), t("10:05:00")))
        .input(in("a", t("10:04:59.999"))).expectOutput(out("a", t("10:04:59.999"), t("10:00:00"), t("10:05:00")))
        .input(in("b", t("10:05:00"))).expectOutput(out("b", t("10:05:00"), t("10:05:00"), t("10:10:00")));
  }

  @Test
  void tumbleWithOffsetAndBeforeTheEpoch() {
    harness(new WindowSpec.Tumble(10, 3))
        .input(in("a", 2)).expectOutput(out("a", 2, -7, 3))
        .input(in("a", 3)).expectOutput(out("a", 3, 3, 13))
        .input(in("a", -1)).expectOutput(out("a", -1, -7, 3));
  }

  @Test
  void hopEmitsARowOncePerWindow() {
    harness(new WindowSpec.Hop(10, 5, 0))
        .input(in("a", 7)).expectOutput(out("a", 7, 0, 10), out("a", 7, 5, 15))
        .input(in("a", 10)).expectOutput(out("a", 10, 5, 15), out("a", 10, 10, 20));
    // A slide longer than the size leaves gaps that hold no window.
    harness(new WindowSpec.Hop(5, 10, 0))
        .input(in("a", 3)).expectOutput(out("a", 3, 0, 5))
        .input(in("a", 7)).expectOutput();
  }

  @Test
  void cumulateEmitsTheGrowingWindowsThatContainTheRow() {
    harness(new WindowSpec.Cumulate(15, 5, 0))
        .input(in("a", 3)).expectOutput(out("a", 3, 0, 5), out("a", 3, 0, 10), out("a", 3, 0, 15))
        .input(in("a", 5)).expectOutput(out("a", 5, 0, 10), out("a", 5, 0, 15))
        .input(in("a", 14)).expectOutput(out("a", 14, 0, 15))
        .input(in("a", 15)).expectOutput(out("a", 15, 15, 20), out("a", 15, 15, 25), out("a", 15, 15, 30));
  }

  @Test
  void rowsOfEndedWindowsAreLate() {
    OperatorHarness h = harness(new WindowSpec.Tumble(10, 0))
        .watermark(9)
        // [0, 10) fired at watermark 9.
        .input(in("a", 5)).expectOutput()
        .input(in("a", 10)).expectOutput(out("a", 10, 10, 20));
    assertEquals(1, h.lateRows());
    assertEquals(List.of(9L), h.watermarks());

    // A HOP row loses only the windows that ended, and is not late while one is open.
    OperatorHarness hop = harness(new WindowSpec.Hop(10, 5, 0))
        .watermark(9)
        .input(in("a", 7)).expectOutput(out("a", 7, 5, 15))
        .watermark(14)
        .input(in("a", 8)).expectOutput();
    assertEquals(1, hop.lateRows());
  }

  @Test
  void processingTimeUsesTheClock() {
    // The ts column is ignored; the row is windowed by when it arrives.
    harness(new WindowSpec.Tumble(10, 0), false, List.of())
        .processingTime(23)
        .input(in("a", 1000)).expectOutput(out("a", 1000, 20, 30))
        .processingTime(31)
        .input(in("a", 1)).expectOutput(out("a", 1, 30, 40));
  }

  @Test
  void keepsTheRowKind() {
    harness(new WindowSpec.Tumble(10, 0))
        .input(Row.ofKind(RowKind.UPDATE_AFTER, "a", 1L))
        .expectOutput(Row.ofKind(RowKind.UPDATE_AFTER, "a", 1L, 0L, 10L, 9L));
  }

  @Test
  void sessionsCloseAtTheWatermarkPerPartition() {
    OperatorHarness h = harness(new WindowSpec.Session(10), true, List.of(0))
        .input(in("a", 0), in("a", 5), in("b", 3), in("a", 30)).expectOutput()
        // b's session [3, 13) closes at 12, a's [0, 15) at 14; a's [30, 40) stays open.
        .watermark(14)
        .expectOutput(out("b", 3, 3, 13), out("a", 0, 0, 15), out("a", 5, 0, 15))
        // [20, 30) touches [30, 40): one session [20, 40), as in Flink.
        .input(in("a", 20), in("a", 22)).expectOutput()
        // [1, 11) closed at 10 and touches no open session: late.
        .input(in("a", 1)).expectOutput()
        .watermark(38).expectOutput()
        .watermark(39)
        .expectOutput(out("a", 30, 20, 40), out("a", 20, 20, 40), out("a", 22, 20, 40));
    assertEquals(1, h.lateRows());
    assertEquals(List.of(14L, 38L, 39L), h.watermarks());
  }

  @Test
  void aRowBridgingTwoSessionsMergesThem() {
    harness(new WindowSpec.Session(10))
        .input(in("a", 0), in("b", 20)).expectOutput()
        .watermark(5)
        // [10, 20) touches [0, 10) and [20, 30).
        .input(in("c", 10))
        .watermark(28).expectOutput()
        .watermark(29).expectOutput(out("a", 0, 0, 30), out("b", 20, 0, 30), out("c", 10, 0, 30));
  }

  @Test
  void aLateLookingRowJoinsAnOpenSession() {
    // [2, 12) closed on its own at watermark 15, but it overlaps the open [10, 20).
    OperatorHarness h = harness(new WindowSpec.Session(10))
        .input(in("a", 10))
        .watermark(15)
        .input(in("a", 2))
        .watermark(19).expectOutput(out("a", 10, 2, 20), out("a", 2, 2, 20));
    assertEquals(0, h.lateRows());
  }

  @Test
  void processingTimeSessions() {
    harness(new WindowSpec.Session(10), false, List.of(0))
        .processingTime(0).input(in("a", 999))
        .processingTime(5).input(in("a", 998))
        .processingTime(7).input(in("b", 997))
        .processingTime(14).expectOutput(out("a", 999, 0, 15), out("a", 998, 0, 15))
        .processingTime(16).expectOutput(out("b", 997, 7, 17));
  }

  @Test
  void nullEventTimeFails() {
    OperatorHarness h = harness(new WindowSpec.Tumble(10, 0));
    assertThrows(IllegalStateException.class, () -> h.input(Row.of("a", null)));
  }
}
