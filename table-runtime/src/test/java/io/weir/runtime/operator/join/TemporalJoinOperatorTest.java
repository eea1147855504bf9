package io.weir.runtime.operator.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.ExprSpec;
import io.weir.common.plan.JoinType;
import io.weir.common.plan.TemporalJoinSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every parameterized test runs straight and with a snapshot and restore after each input. */
class TemporalJoinOperatorTest {
  /** Left (k STRING, lv BIGINT, lt TIMESTAMP(3)). */
  private static final RowType LEFT = RowType.builder()
      .add("k", LogicalType.string()).add("lv", LogicalType.bigint()).add("lt", LogicalType.timestamp(3)).build();
  /** Right (rk STRING, rv BIGINT, rt TIMESTAMP(3)), a versioned table keyed by rk. */
  private static final RowType RIGHT = RowType.builder()
      .add("rk", LogicalType.string()).add("rv", LogicalType.bigint()).add("rt", LogicalType.timestamp(3)).build();

  /** {@code lv <> rv} over the joined row. */
  private static final ExprSpec LV_NOT_RV = new ExprSpec.Call("<>", List.of(
      new ExprSpec.InputRef(1, LogicalType.bigint()), new ExprSpec.InputRef(4, LogicalType.bigint())), LogicalType.bool());

  private static final String A = "a";
  private static final String B = "b";

  private static TemporalJoinSpec spec(JoinType type, ExprSpec condition) {
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    out.addAll(RIGHT.columns());
    return new TemporalJoinSpec(type, List.of(0), List.of(0), 2, 2, condition, LEFT, RIGHT, new RowType(out));
  }

  private static OperatorHarness harness(JoinType type, boolean restore) {
    return harness(spec(type, null), restore);
  }

  private static OperatorHarness harness(TemporalJoinSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new TemporalJoinOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  private static Row probe(String k, long v, long ts) {
    return Row.of(k, v, ts);
  }

  private static Row version(String k, long v, long ts) {
    return Row.of(k, v, ts);
  }

  private static Row updateBefore(String k, long oldV, long oldTs) {
    return Row.ofKind(RowKind.UPDATE_BEFORE, k, oldV, oldTs);
  }

  private static Row updateAfter(String k, long v, long ts) {
    return Row.ofKind(RowKind.UPDATE_AFTER, k, v, ts);
  }

  private static Row delete(String k, long v, long ts) {
    return Row.ofKind(RowKind.DELETE, k, v, ts);
  }

  private static Row joined(String k, long lv, long lt, long rv, long rt) {
    return Row.of(k, lv, lt, k, rv, rt);
  }

  private static Row padded(String k, long lv, long lt) {
    return Row.of(k, lv, lt, null, null, null);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void probesSeeTheVersionValidAtTheirTime(boolean restore) {
    OperatorHarness h = harness(JoinType.INNER, restore)
        .input(1, version(A, 1, 10), updateBefore(A, 1, 10), updateAfter(A, 2, 20))
        .input(0, probe(A, 100, 5), probe(A, 101, 10), probe(A, 102, 15), probe(A, 103, 20), probe(A, 104, 25))
        // Nothing before the watermark: a version at or before a probe's time could still come.
        .expectOutput()
        .watermark(30)
        // 5 precedes every version (dropped by INNER); versions are valid from their time, inclusive.
        .expectOutput(joined(A, 101, 10, 1, 10), joined(A, 102, 15, 1, 10), joined(A, 103, 20, 2, 20),
            joined(A, 104, 25, 2, 20));
    assertEquals(List.of(30L), h.watermarks());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void probesWaitForTheWatermarkAndAreReleasedInTimeOrder(boolean restore) {
    OperatorHarness h = harness(JoinType.INNER, restore)
        .input(1, version(A, 1, 0), version(B, 7, 0))
        .input(0, probe(A, 100, 30), probe(B, 200, 10), probe(A, 101, 20))
        .watermark(15)
        .expectOutput(joined(B, 200, 10, 7, 0))
        // A version at 25 arrives while the probe at 30 waits: it sees it; the probe at 20 does not.
        .input(1, updateAfter(A, 2, 25))
        .watermark(40)
        .expectOutput(joined(A, 101, 20, 1, 0), joined(A, 100, 30, 2, 25));
    assertEquals(List.of(15L, 40L), h.watermarks());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void leftJoinPadsAProbeBeforeAnyVersion(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(0, probe(A, 100, 5), probe(B, 200, 12))
        .input(1, version(A, 1, 10))
        .input(0, probe(A, 101, 10))
        .watermark(20)
        // b never has a version.
        .expectOutput(padded(A, 100, 5), joined(A, 101, 10, 1, 10), padded(B, 200, 12));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void deleteEndsValidityUntilTheNextVersion(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(1, version(A, 1, 10), delete(A, 1, 20), version(A, 3, 30))
        .input(0, probe(A, 100, 15), probe(A, 101, 20), probe(A, 102, 25), probe(A, 103, 30))
        .watermark(30)
        .expectOutput(joined(A, 100, 15, 1, 10), padded(A, 101, 20), padded(A, 102, 25), joined(A, 103, 30, 3, 30));
    harness(JoinType.INNER, restore)
        .input(1, version(A, 1, 10), delete(A, 1, 20))
        .input(0, probe(A, 100, 15), probe(A, 101, 25))
        .watermark(30)
        .expectOutput(joined(A, 100, 15, 1, 10));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void versionsMayArriveOutOfOrder(boolean restore) {
    harness(JoinType.INNER, restore)
        .input(1, version(A, 3, 30), version(A, 1, 10), updateAfter(A, 2, 20))
        .input(0, probe(A, 100, 12), probe(A, 101, 25), probe(A, 102, 35), probe(A, 103, 9))
        .watermark(40)
        .expectOutput(joined(A, 100, 12, 1, 10), joined(A, 101, 25, 2, 20), joined(A, 102, 35, 3, 30));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void probesAtOrBehindTheWatermarkAreLate(boolean restore) {
    OperatorHarness h = harness(JoinType.LEFT, restore)
        .input(1, version(A, 1, 0))
        .watermark(20)
        .input(0, probe(A, 100, 20), probe(A, 101, 15), probe(A, 102, 21))
        .watermark(30)
        .expectOutput(joined(A, 102, 21, 1, 0));
    assertEquals(2, h.lateRows());
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void conditionRejectsAVersion(boolean restore) {
    harness(spec(JoinType.LEFT, LV_NOT_RV), restore)
        .input(1, version(A, 1, 10))
        .input(0, probe(A, 1, 15), probe(A, 2, 16))
        .watermark(20)
        // The version valid at 15 fails the condition; no older version is tried instead.
        .expectOutput(padded(A, 1, 15), joined(A, 2, 16, 1, 10));
    harness(spec(JoinType.INNER, LV_NOT_RV), restore)
        .input(1, version(A, 1, 10))
        .input(0, probe(A, 1, 15), probe(A, 2, 16))
        .watermark(20)
        .expectOutput(joined(A, 2, 16, 1, 10));
  }

  /**
   * Versions older than the latest one behind the watermark are dropped; a probe can only see what
   * is left (later probes are ahead of the watermark), so this checks the output stays right.
   */
  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void pruningOldVersionsKeepsTheOneStillValid(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(1, version(A, 1, 10), updateAfter(A, 2, 20), updateAfter(A, 3, 30))
        .input(0, probe(A, 100, 22))
        .watermark(25)
        .expectOutput(joined(A, 100, 22, 2, 20))
        // 10 is gone, 20 is kept: valid until 30.
        .input(0, probe(A, 101, 26), probe(A, 102, 31))
        .watermark(35)
        .expectOutput(joined(A, 101, 26, 2, 20), joined(A, 102, 31, 3, 30))
        // Only 30 is left; it stays valid for any later probe.
        .watermark(100)
        .input(0, probe(A, 103, 1000))
        .watermark(1000)
        .expectOutput(joined(A, 103, 1000, 3, 30));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aVersionBehindTheWatermarkIsValidFromItsTime(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(1, version(A, 1, 10), updateAfter(A, 2, 20))
        .watermark(25)
        // 15 is older than 20, the version valid at the watermark: it is never seen.
        .input(1, updateAfter(A, 9, 15))
        .input(0, probe(A, 100, 26))
        .watermark(26)
        .expectOutput(joined(A, 100, 26, 2, 20))
        // 24 is newer than 20: valid from 24 on, so the next probe sees it.
        .input(1, updateAfter(A, 8, 24))
        .input(0, probe(A, 101, 27))
        .watermark(30)
        .expectOutput(joined(A, 101, 27, 8, 24));
  }

  /** A pruned-to tombstone must still hide a version older than it that arrives late. */
  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aDeleteBehindTheWatermarkHidesLateOlderVersions(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(1, version(A, 1, 10), delete(A, 1, 20))
        .watermark(25)
        .input(1, version(A, 9, 15))
        .input(0, probe(A, 100, 26))
        .watermark(30)
        .expectOutput(padded(A, 100, 26));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aNullKeyMatchesNothing(boolean restore) {
    harness(JoinType.LEFT, restore)
        .input(1, Row.of(null, 1L, 0L))
        .input(0, Row.of(null, 100L, 5L))
        // Padded at once: no version can ever match it.
        .expectOutput(Row.of(null, 100L, 5L, null, null, null))
        .watermark(10)
        .expectOutput();
    harness(JoinType.INNER, restore)
        .input(1, Row.of(null, 1L, 0L))
        .input(0, Row.of(null, 100L, 5L))
        .watermark(10)
        .expectOutput();
  }

  @Test
  void rejectsATimeFieldOutsideItsInput() {
    List<RowType.Column> out = new ArrayList<>(LEFT.columns());
    out.addAll(RIGHT.columns());
    TemporalJoinSpec bad = new TemporalJoinSpec(JoinType.INNER, List.of(0), List.of(0), 3, 2, null, LEFT, RIGHT,
        new RowType(out));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TemporalJoinOperator(bad));
    assertEquals(true, e.getMessage().contains("left time field 3"), e.getMessage());
  }

  @Test
  void rejectsAnUpdatingLeftInput() {
    OperatorHarness h = harness(JoinType.INNER, false);
    assertThrows(IllegalStateException.class, () -> h.input(0, Row.ofKind(RowKind.DELETE, A, 1L, 5L)));
  }
}
