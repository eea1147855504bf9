package io.weir.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.plan.WindowJoinSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs straight and with a snapshot and restore after each input. */
class WindowJoinOperatorTest {
  /** Left (k STRING, lv BIGINT, window_start, window_end), as a window TVF emits them. */
  private static final RowType LEFT = RowType.builder()
      .add("k", LogicalType.string()).add("lv", LogicalType.bigint())
      .add("window_start", LogicalType.timestamp(3)).add("window_end", LogicalType.timestamp(3)).build();
  private static final RowType RIGHT = RowType.builder()
      .add("rk", LogicalType.string()).add("rv", LogicalType.bigint())
      .add("window_start", LogicalType.timestamp(3)).add("window_end", LogicalType.timestamp(3)).build();

  /** {@code lv <> rv} over the joined row. */
  private static final ExprSpec LV_NOT_RV = new ExprSpec.Call("<>", List.of(
      new ExprSpec.InputRef(1, LogicalType.bigint()), new ExprSpec.InputRef(5, LogicalType.bigint())), LogicalType.bool());

  private static final String A = "a";
  private static final String B = "b";
  private static final String C = "c";

  private static WindowJoinSpec spec(JoinType type, ExprSpec condition) {
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    if (type.emitsRight()) {
      out.addAll(RIGHT.columns());
    }
    return new WindowJoinSpec(type, List.of(0), List.of(0), 3, 3, condition, LEFT, RIGHT, new RowType(out));
  }

  private static OperatorHarness harness(JoinType type, ExprSpec condition, boolean restore) {
    WindowJoinSpec spec = spec(type, condition);
    OperatorHarness h = OperatorHarness.of(() -> new WindowJoinOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  private static OperatorHarness harness(JoinType type, boolean restore) {
    return harness(type, null, restore);
  }

  /** A row of tumbling window [start, start + 10). */
  private static Row row(String k, long v, long start) {
    return Row.of(k, v, start, start + 10);
  }

  private static Row joined(String k, long lv, long rv, long start) {
    return Row.of(k, lv, start, start + 10, k, rv, start, start + 10);
  }

  private static Row leftPadded(String k, long lv, long start) {
    return Row.of(k, lv, start, start + 10, null, null, null, null);
  }

  private static Row rightPadded(String k, long rv, long start) {
    return Row.of(null, null, null, null, k, rv, start, start + 10);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void innerJoinEmitsEachWindowWhenTheWatermarkCloses(boolean restore) {
    OperatorHarness h = harness(JoinType.INNER, restore)
        .input(0, row(A, 1, 0), row(A, 2, 10), row(B, 1, 0))
        .input(1, row(A, 1, 0), row(A, 2, 0), row(A, 3, 10), row(C, 1, 0))
        .watermark(8)
        .expectOutput()
        // [0, 10) holds times up to 9: complete at watermark 9.
        .watermark(9)
        .expectOutput(joined(A, 1, 1, 0), joined(A, 1, 2, 0))
        .watermark(19)
        .expectOutput(joined(A, 2, 3, 10))
        // Fired windows are cleared: nothing fires again.
        .watermark(100)
        .expectOutput();
    assertEquals(List.of(8L, 9L, 19L, 100L), h.watermarks());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void leftOuterJoinPadsUnmatchedLeftRows(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(0, row(A, 1, 0), row(B, 1, 0))
        .input(1, row(A, 1, 0), row(C, 1, 0), row(B, 1, 10))
        .watermark(9)
        .expectOutput(joined(A, 1, 1, 0), leftPadded(B, 1, 0))
        .watermark(19)
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rightOuterJoinPadsUnmatchedRightRows(boolean restore) {
    harness(JoinType.RIGHT, restore)
        .input(0, row(A, 1, 0), row(B, 1, 0))
        .input(1, row(A, 1, 0), row(A, 2, 0), row(C, 1, 0))
        .watermark(9)
        .expectOutput(joined(A, 1, 1, 0), joined(A, 1, 2, 0), rightPadded(C, 1, 0));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void fullOuterJoinPadsBothSidesWithTheCondition(boolean restore) {
    harness(JoinType.FULL, LV_NOT_RV, restore)
        .input(0, row(A, 1, 0), row(A, 2, 0), row(B, 1, 0))
        .input(1, row(A, 1, 0), row(C, 1, 0))
        .watermark(9)
        // a: left 1 and right 1 fail lv <> rv, so left 1 is padded; right 1 matches left 2.
        .expectOutput(leftPadded(A, 1, 0), joined(A, 2, 1, 0), leftPadded(B, 1, 0), rightPadded(C, 1, 0));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void semiAndAntiJoinEmitLeftRowsWithAndWithoutMatch(boolean restore) {
    harness(JoinType.SEMI, LV_NOT_RV, restore)
        .input(0, row(A, 1, 0), row(A, 2, 0), row(B, 1, 0))
        .input(1, row(A, 1, 0), row(A, 3, 0))
        .watermark(9)
        .expectOutput(Row.of(A, 1L, 0L, 10L), Row.of(A, 2L, 0L, 10L));
    harness(JoinType.SEMI, LV_NOT_RV, restore)
        .input(0, row(A, 1, 0), row(A, 2, 0))
        .input(1, row(A, 1, 0))
        .watermark(9)
        .expectOutput(Row.of(A, 2L, 0L, 10L));
    harness(JoinType.ANTI, LV_NOT_RV, restore)
        .input(0, row(A, 1, 0), row(A, 2, 0), row(B, 1, 0))
        .input(1, row(A, 1, 0))
        .watermark(9)
        .expectOutput(Row.of(A, 1L, 0L, 10L), Row.of(B, 1L, 0L, 10L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void rowsOfClosedWindowsAreLate(boolean restore) {
    OperatorHarness h = harness(JoinType.FULL, restore)
        .input(0, row(A, 1, 10))
        .watermark(9)
        .input(0, row(A, 2, 0))
        .input(1, row(A, 1, 0), row(A, 3, 10))
        .watermark(19)
        .expectOutput(joined(A, 1, 3, 10));
    assertEquals(2, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void nullKeysNeverMatchButOuterRowsArePaddedAtOnce(boolean restore) {
    harness(JoinType.FULL, restore)
        .input(0, Row.of(null, 1L, 0L, 10L))
        .expectOutput(Row.of(null, 1L, 0L, 10L, null, null, null, null))
        .input(1, Row.of(null, 1L, 0L, 10L))
        .expectOutput(Row.of(null, null, null, null, null, 1L, 0L, 10L))
        .watermark(9)
        .expectOutput();
    harness(JoinType.INNER, restore)
        .input(0, Row.of(null, 1L, 0L, 10L))
        .input(1, Row.of(null, 1L, 0L, 10L))
        .watermark(9)
        .expectOutput();
  }
}
