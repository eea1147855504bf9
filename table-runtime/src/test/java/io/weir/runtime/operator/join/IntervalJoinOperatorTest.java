package io.weir.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.IntervalJoinSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs straight and with a snapshot and restore after each input. */
class IntervalJoinOperatorTest {
  /** Left (k STRING, lv BIGINT, lt TIMESTAMP(3)). */
  private static final RowType LEFT = RowType.builder()
      .add("k", LogicalType.string()).add("lv", LogicalType.bigint()).add("lt", LogicalType.timestamp(3)).build();
  /** Right (rk STRING, rv BIGINT, rt TIMESTAMP(3)). */
  private static final RowType RIGHT = RowType.builder()
      .add("rk", LogicalType.string()).add("rv", LogicalType.bigint()).add("rt", LogicalType.timestamp(3)).build();

  /** {@code lv <> rv} over the joined row. */
  private static final ExprSpec LV_NOT_RV = new ExprSpec.Call("<>", List.of(
      new ExprSpec.InputRef(1, LogicalType.bigint()), new ExprSpec.InputRef(4, LogicalType.bigint())), LogicalType.bool());

  private static final String A = "a";
  private static final String B = "b";
  private static final String C = "c";

  private static IntervalJoinSpec spec(JoinType type, long lower, long upper, boolean eventTime, ExprSpec condition) {
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    if (type.emitsRight()) {
      out.addAll(RIGHT.columns());
    }
    return new IntervalJoinSpec(type, List.of(0), List.of(0), 2, 2, lower, upper, eventTime, condition, LEFT, RIGHT,
        new RowType(out));
  }

  /** {@code r.rt - 10 <= l.lt <= r.rt + 20}: a left row at 100 meets right rows at [80, 110]. */
  private static IntervalJoinSpec spec(JoinType type) {
    return spec(type, -10, 20, true, null);
  }

  private static OperatorHarness harness(IntervalJoinSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new IntervalJoinOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  private static Row row(String k, long v, long ts) {
    return Row.of(k, v, ts);
  }

  private static Row joined(String k, long lv, long lt, long rv, long rt) {
    return Row.of(k, lv, lt, k, rv, rt);
  }

  private static Row leftPadded(String k, long lv, long lt) {
    return Row.of(k, lv, lt, null, null, null);
  }

  private static Row rightPadded(String k, long rv, long rt) {
    return Row.of(null, null, null, k, rv, rt);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void innerJoinMatchesInBothOrdersWithInclusiveBounds(boolean restore) {
    harness(spec(JoinType.INNER), restore)
        .input(0, row(A, 1, 100))
        // Right rows at 80 and 110 are the bounds, both inclusive; 79 and 111 are out.
        .input(1, row(A, 1, 80), row(A, 2, 110), row(A, 3, 79), row(A, 4, 111))
        .expectOutput(joined(A, 1, 100, 1, 80), joined(A, 1, 100, 2, 110))
        .input(1, row(B, 1, 200))
        // Left rows meet a right row at 200 in [190, 220].
        .input(0, row(B, 1, 190), row(B, 2, 220), row(B, 3, 189), row(B, 4, 221))
        .expectOutput(joined(B, 1, 190, 1, 200), joined(B, 2, 220, 1, 200))
        // Only equal keys meet.
        .input(0, row(C, 1, 200))
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void conditionFiltersPairs(boolean restore) {
    harness(spec(JoinType.INNER, -10, 20, true, LV_NOT_RV), restore)
        .input(0, row(A, 1, 100))
        .input(1, row(A, 1, 100), row(A, 2, 100))
        .expectOutput(joined(A, 1, 100, 2, 100));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rowsAreFreedWhenTheWatermarkPassesTheirLastPossibleMatch(boolean restore) {
    OperatorHarness h = harness(spec(JoinType.LEFT), restore)
        .input(0, row(A, 1, 100), row(B, 1, 100))
        // The left rows can still meet right rows up to 110: kept at 109.
        .watermark(109)
        .expectOutput()
        .input(1, row(A, 1, 110))
        .expectOutput(joined(A, 1, 100, 1, 110))
        // At 110 both are freed; the one that never matched is padded, once.
        .watermark(110)
        .expectOutput(leftPadded(B, 1, 100))
        .watermark(1000)
        .expectOutput()
        // Anything that could have matched them now is late.
        .input(1, row(B, 1, 110))
        .expectOutput();
    assertEquals(1, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rightOuterJoinPadsRightRowsWhenFreed(boolean restore) {
    harness(spec(JoinType.RIGHT), restore)
        .input(1, row(A, 1, 100), row(B, 1, 100))
        .input(0, row(A, 1, 120)) // 120 <= 100 + 20: the last left time that meets a right row at 100
        .expectOutput(joined(A, 1, 120, 1, 100))
        .watermark(119)
        .expectOutput()
        .watermark(120)
        .expectOutput(rightPadded(B, 1, 100))
        // A left row never padded in a RIGHT join, even when freed unmatched.
        .input(0, row(C, 1, 200))
        .watermark(300)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void fullOuterJoinPadsBothSides(boolean restore) {
    harness(spec(JoinType.FULL), restore)
        .input(0, row(A, 1, 100), row(B, 1, 100))
        .input(1, row(A, 1, 95), row(C, 1, 100))
        .expectOutput(joined(A, 1, 100, 1, 95))
        // Left rows at 100 are freed at 110, right rows at 95 and 100 at 115 and 120.
        .watermark(110)
        .expectOutput(leftPadded(B, 1, 100))
        .watermark(200)
        .expectOutput(rightPadded(C, 1, 100));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rowsAtOrBehindTheWatermarkAreLate(boolean restore) {
    OperatorHarness h = harness(spec(JoinType.FULL), restore)
        .input(1, row(A, 1, 105))
        .watermark(100)
        .input(0, row(A, 1, 100), row(A, 2, 99))
        .input(1, row(B, 1, 50))
        .expectOutput()
        .input(0, row(A, 3, 101))
        .expectOutput(joined(A, 3, 101, 1, 105));
    assertEquals(3, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aRowThatCanMeetNoFutureRowIsJoinedButNotStored(boolean restore) {
    // l.lt in [r.rt + 5, r.rt + 20]: a left row at 100 meets right rows at [80, 95] only.
    harness(spec(JoinType.LEFT, 5, 20, true, null), restore)
        .input(1, row(A, 1, 90))
        .watermark(96)
        // Not late (100 > 96), but every right row it could meet is at or before 95: stored ones only.
        .input(0, row(A, 1, 100), row(B, 1, 100))
        .expectOutput(joined(A, 1, 100, 1, 90), leftPadded(B, 1, 100))
        .watermark(1000)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void semiJoinEmitsALeftRowOnItsFirstMatch(boolean restore) {
    harness(spec(JoinType.SEMI), restore)
        .input(0, row(A, 1, 100))
        .expectOutput()
        .input(1, row(A, 1, 95), row(A, 2, 96))
        .expectOutput(Row.of(A, 1L, 100L))
        .input(1, row(B, 1, 100))
        .input(0, row(B, 1, 100), row(C, 1, 100))
        .expectOutput(Row.of(B, 1L, 100L))
        .watermark(1000)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void antiJoinEmitsALeftRowFreedWithoutMatch(boolean restore) {
    harness(spec(JoinType.ANTI), restore)
        .input(0, row(A, 1, 100), row(B, 1, 100))
        .input(1, row(A, 1, 95))
        .input(0, row(A, 2, 101))
        .input(Row.ofKind(RowKind.INSERT, null, 3L, 102L)) // a NULL key matches nothing: emitted at once
        .expectOutput(Row.of(null, 3L, 102L))
        .watermark(110)
        .expectOutput(Row.of(B, 1L, 100L))
        .watermark(1000)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void nullKeysNeverMatchButOuterRowsArePaddedAtOnce(boolean restore) {
    harness(spec(JoinType.FULL), restore)
        .input(0, Row.of(null, 1L, 100L))
        .expectOutput(Row.of(null, 1L, 100L, null, null, null))
        .input(1, Row.of(null, 1L, 100L))
        .expectOutput(Row.of(null, null, null, null, 1L, 100L))
        .watermark(1000)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void outputWatermarkIsHeldBackByTheLongestBound(boolean restore) {
    OperatorHarness h = harness(spec(JoinType.LEFT), restore)
        .input(0, row(A, 1, 100))
        .watermark(50)
        .watermark(110)
        .expectOutput(leftPadded(A, 1, 100))
        .watermark(Long.MAX_VALUE);
    // The padded row (time 100) comes after watermark 30 and before 90: never behind one.
    assertEquals(List.of(30L, 90L, Long.MAX_VALUE), h.watermarks());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void processingTimeUsesArrivalTimeAndTheClock(boolean restore) {
    OperatorHarness h = harness(spec(JoinType.LEFT, -10, 20, false, null), restore)
        .processingTime(100)
        // The time fields are not read: arrival time is the row's time.
        .input(0, row(A, 1, 0), row(B, 1, 0))
        .processingTime(105)
        .input(1, row(A, 1, 0))
        .expectOutput(joined(A, 1, 0, 1, 0))
        // Left rows of 100 can meet right rows up to 110, which may still come during 110.
        .processingTime(110)
        .expectOutput()
        .processingTime(111)
        .expectOutput(leftPadded(B, 1, 0))
        .processingTime(200)
        .input(0, row(C, 1, 0))
        // With the right input ended no row can meet it: freed at once.
        .endInput(1)
        .expectOutput(leftPadded(C, 1, 0));
    assertEquals(0, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rejectsRetractions(boolean restore) {
    OperatorHarness h = harness(spec(JoinType.INNER), restore);
    assertThrows(IllegalStateException.class, () -> h.input(0, Row.ofKind(RowKind.DELETE, A, 1L, 100L)));
  }
}
